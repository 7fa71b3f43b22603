// npm run impact -- --from <edition|git revision> [--to <edition|git revision>] [--json] [--fail-on-flip]
import { parseArgs } from 'node:util';
import { CURRENT_EDITION } from '../../rules/index.ts';
import { formatReport, summaryLine } from './format-report.ts';
import { runImpactReport } from './impact-service.ts';
import { UnknownPolicyError } from './policy-source.ts';

const USAGE = `用法：npm run impact -- --from <版本或 git 版本> [--to <版本或 git 版本>] [--json] [--fail-on-flip]
  --from          旧政策：规则版本（2025-08-15、legacy）或 git 版本（HEAD~1、提交号、标签）
  --to            新政策，写法同上；默认现行版 ${CURRENT_EDITION}
  --json          输出完整报告（JSON），供程序读取
  --fail-on-flip  有答案改变时退出码为 1（用于 CI）；默认只要报告成功生成就返回 0
  --content <dir> 内容目录，默认 ./content
  --data <dir>    数据目录（读取证书，只读），默认 DATA_DIR 或 ./data`;

function usageError(problem: string): never {
  process.stderr.write(`${problem}\n\n${USAGE}\n`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string', default: CURRENT_EDITION },
      json: { type: 'boolean', default: false },
      'fail-on-flip': { type: 'boolean', default: false },
      content: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  args = parse();
} catch (error) {
  usageError(`参数有误：${(error as Error).message}`);
}
if (args.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!args.values.from) usageError('缺少 --from：请写出要比较的旧政策。');

try {
  const report = await runImpactReport({
    from: args.values.from,
    to: args.values.to,
    ...(args.values.content ? { contentDir: args.values.content } : {}),
    ...(args.values.data ? { dataDir: args.values.data } : {}),
  });
  if (args.values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${report.hasFlips ? formatReport(report) : summaryLine(report)}\n`);
  process.exitCode = report.hasFlips && args.values['fail-on-flip'] ? 1 : 0;
} catch (error) {
  if (error instanceof UnknownPolicyError) usageError(error.message);
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
