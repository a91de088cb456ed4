import type { Rule } from '../rule.js';
import ceilingCoverage from './ceiling-coverage.js';
import colorSemantics from './color-semantics.js';
import descriptiveNames from './descriptive-names.js';
import dominantLevel from './dominant-level.js';
import duplicateLevelName from './duplicate-level-name.js';
import duplicateRulesetId from './duplicate-ruleset-id.js';
import emptyLevel from './empty-level.js';
import expectedShare from './expected-share.js';
import floorCoverage from './floor-coverage.js';
import gap from './gap.js';
import levelCount from './level-count.js';
import levelOrder from './level-order.js';
import minAboveMax from './min-above-max.js';
import missingOwner from './missing-owner.js';
import overlap from './overlap.js';
import primaryEnabled from './primary-enabled.js';
import roundBoundaries from './round-boundaries.js';
import schema from './schema.js';
import scoreOutsideDomain from './score-outside-domain.js';
import shadowedLevel from './shadowed-level.js';
import singlePrimary from './single-primary.js';
import unassignedAccounts from './unassigned-accounts.js';
import unreachableLevel from './unreachable-level.js';
import yamlSyntax from './yaml-syntax.js';

/** Every rule, registered explicitly and sorted by id (a test checks that each rule file is here). */
export const rules: readonly Rule[] = [
  ceilingCoverage,
  colorSemantics,
  descriptiveNames,
  dominantLevel,
  duplicateLevelName,
  duplicateRulesetId,
  emptyLevel,
  expectedShare,
  floorCoverage,
  gap,
  levelCount,
  levelOrder,
  minAboveMax,
  missingOwner,
  overlap,
  primaryEnabled,
  roundBoundaries,
  schema,
  scoreOutsideDomain,
  shadowedLevel,
  singlePrimary,
  unassignedAccounts,
  unreachableLevel,
  yamlSyntax,
];

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
