import type { Problem } from '../schema';
import { DIGEST_LIMITS, formatCount } from './limits';

/** The problems in line order, at most `DIGEST_LIMITS.problems`: the last one left says how many more there were. */
export function boundedProblems(problems: Problem[]): Problem[] {
  problems.sort((a, b) => a.line - b.line);
  if (problems.length <= DIGEST_LIMITS.problems) return problems;
  const kept = problems.slice(0, DIGEST_LIMITS.problems - 1);
  const firstLeftOut = problems[kept.length] as Problem;
  const more = problems.length - kept.length;
  kept.push({
    line: firstLeftOut.line,
    message: `${formatCount(more)} more problems from here on are not listed`,
  });
  return kept;
}
