import { UsageError } from '../errors.js';
import { parseScoreText } from '../exports/score.js';
import { levelLabel } from '../lint/words.js';
import type { Ruleset } from '../model/config.js';
import { loadConfig } from '../model/load.js';
import { UNASSIGNED } from '../model/validate.js';
import { analyzeRanges, assignLevel } from '../ranges/analysis.js';
import { describeDomain, domainSet, type ScoreDomain } from '../ranges/domain.js';
import { ScoreSet, describeInterval } from '../ranges/score-set.js';
import { snapshotOf } from '../plan/snapshot.js';
import type { CommandIO } from './io.js';

export interface ExplainCommandOptions {
  config: string;
  format: 'text' | 'json';
}

export interface Explanation {
  ruleset: string;
  name: string;
  role: 'primary' | 'experiment' | 'disabled';
  level: string;
  reason: string;
}

/** Why a ruleset gives a score the level it gives: the first match, or where the score falls through. */
export function explainScore(ruleset: Ruleset, score: number, domain: ScoreDomain): Explanation {
  const role = !ruleset.enabled ? 'disabled' : ruleset.primary ? 'primary' : 'experiment';
  const index = assignLevel(ruleset.levels, score);
  const base = { ruleset: ruleset.id, name: ruleset.name, role } as const;
  const outside = domainSet(domain).has(score) ? '' : ` ${score} is outside the score domain, ${describeDomain(domain)}.`;
  if (index >= 0) {
    const level = ruleset.levels[index]!;
    const later = ruleset.levels.filter((other, i) => i > index && assignLevel([other], score) === 0).map(levelLabel);
    const also = later.length > 0 ? ` ${later.join(' and ')} also hold${later.length === 1 ? 's' : ''} ${score}, but ${later.length === 1 ? 'is' : 'are'} written later: the first match wins.` : '';
    return { ...base, level: level.name, reason: `${levelLabel(level)} is the first level, in the order written, whose range holds ${score}.${also}${outside}` };
  }
  const below = ruleset.levels.every((level) => score < level.min);
  const above = ruleset.levels.every((level) => level.max !== undefined && score > level.max);
  let why: string;
  if (ruleset.levels.length === 0) why = 'the ruleset has no level';
  else if (below) why = `${score} is below every level (the lowest starts at ${Math.min(...ruleset.levels.map((level) => level.min))})`;
  else if (above) why = `${score} is above every level (none is open-ended)`;
  else {
    const everywhere = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY, integer: domain.integer };
    const gap = analyzeRanges(ruleset.levels, everywhere).uncovered.intervals.find((interval) => ScoreSet.of([interval], domain.integer).has(score));
    why = gap ? `${score} falls in a gap between levels: no level holds ${describeInterval(gap)}` : `no level holds ${score}`;
  }
  return { ...base, level: UNASSIGNED, reason: `${why}, so the account is ${UNASSIGNED}.${outside}` };
}

/** `levels explain SCORE`: the level every ruleset gives a score, and why. */
export async function explainCommand(scoreText: string, options: ExplainCommandOptions, io: CommandIO): Promise<number> {
  const score = parseScoreText(scoreText);
  if (typeof score !== 'number') throw new UsageError(`SCORE must be a number such as 82 or 79.5, not '${scoreText}'.`);
  const config = await loadConfig(options.config, { cwd: io.cwd });
  const domain = config.workspace.scores;
  const explanations = snapshotOf(config).rulesets.map(({ ruleset }) => explainScore(ruleset, score, domain));
  const order = { primary: 0, experiment: 1, disabled: 2 } as const;
  explanations.sort((a, b) => order[a.role] - order[b.role]);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ score, domain: { ...domain, max: Number.isFinite(domain.max) ? domain.max : null }, rulesets: explanations }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`Score ${score}, in a domain of ${describeDomain(domain)}:\n`);
  if (explanations.length === 0) io.stdout.write(`  ${options.config} holds no valid ruleset.\n`);
  for (const explanation of explanations) {
    const role = explanation.role === 'disabled' ? 'disabled: affects nothing' : explanation.role;
    io.stdout.write(`  ${explanation.ruleset} (${role}): ${explanation.level}\n    ${explanation.reason}\n`);
  }
  if (!explanations.some((explanation) => explanation.role === 'primary')) io.stdout.write(`  No ruleset is an enabled primary, so every account is ${UNASSIGNED}.\n`);
  return 0;
}
