/**
 * The starting points `levels init --template` offers. Each is a set of files for a config
 * folder, and each lints clean (a test checks it): round boundaries, owners, no gaps.
 */
export interface Template {
  id: string;
  description: string;
  /** File name → YAML body (without the schema line, which init adds). */
  files: Readonly<Record<string, string>>;
}

export const SCHEMA_FILE = 'levels.schema.json';

export const WORKSPACE_YAML = `kind: Workspace
# The scores your scoring platform produces: whole numbers from 0 to 100.
scores: { min: 0, max: 100, integer: true }
# The live store. The default is the embedded one below; use postgres://... for a shared store,
# and keep its password out of git (set LEVELS_STORE in CI instead).
store: sqlite:.levels/state.db
`;

const fourTier = `kind: LevelRuleset
id: enterprise-tiers
name: Enterprise Account Tiers
description: Fit tiers for every account in the CRM, from the firmographic fit score.
primary: true
levels:
  - name: Target
    min: 80
    color: purple
    expected_share: 10-20%
    owner: "@enterprise-sales"
    description: Named AE, executive outreach
  - name: Qualified
    min: 50
    max: 79
    color: blue
    expected_share: 20-35%
    owner: "@mid-market-sales"
    description: SDR sequences, AE on engagement
  - name: Standard
    min: 20
    max: 49
    color: green
    expected_share: 25-45%
    owner: "@marketing"
    description: Marketing nurture and webinars
  - name: Low Priority
    min: 0
    max: 19
    color: gray
    expected_share: 10-30%
    owner: "@demand-gen"
    description: Self-serve only, no outbound
`;

const threeTier = `kind: LevelRuleset
id: account-tiers
name: Account Tiers
primary: true
levels:
  - name: Target
    min: 70
    color: purple
    owner: "@sales"
    description: Account executive owns the account; outbound and ads
  - name: Engage
    min: 40
    max: 69
    color: blue
    owner: "@sdr-team"
    description: SDR sequences; hand over on a reply
  - name: Nurture
    min: 0
    max: 39
    color: gray
    owner: "@marketing"
    description: Newsletter and content only
`;

const customerSegmentation = `kind: LevelRuleset
id: customer-segments
name: Customer Segments
description: Coverage model for existing customers, from the expansion score.
primary: true
levels:
  - name: Strategic
    min: 85
    color: purple
    expected_share: <= 10%
    owner: "@strategic-accounts"
    description: Dedicated CSM and quarterly business reviews
  - name: Growth
    min: 60
    max: 84
    color: blue
    owner: "@customer-success"
    description: Pooled CSM, expansion plays
  - name: Core
    min: 30
    max: 59
    color: teal
    owner: "@customer-success"
    description: Digital success programmes, annual check-in
  - name: Self-serve
    min: 0
    max: 29
    color: gray
    owner: "@support"
    description: In-product guidance and support only
`;

const lifecycle = (primary: boolean) => `kind: LevelRuleset
id: lifecycle
name: Lifecycle Stages
description: Engagement-based stages, from the product and marketing engagement score.
primary: ${primary}
levels:
  - name: Engaged
    min: 60
    color: orange
    owner: "@growth"
    description: Active evaluation; route to sales within a day
  - name: Evaluating
    min: 30
    max: 59
    color: yellow
    owner: "@marketing"
    description: Content and product-led nudges
  - name: Dormant
    min: 0
    max: 29
    color: gray
    owner: "@marketing"
    description: Re-engagement campaigns quarterly
`;

const region = (id: string, name: string, primary: boolean, target: number, qualified: number, standard: number, owner: string) => `kind: LevelRuleset
id: ${id}
name: ${name}
primary: ${primary}
levels:
  - name: Target
    min: ${target}
    color: purple
    owner: "@${owner}-enterprise"
  - name: Qualified
    min: ${qualified}
    max: ${target - 1}
    color: blue
    owner: "@${owner}-sales"
  - name: Standard
    min: ${standard}
    max: ${qualified - 1}
    color: green
    owner: "@${owner}-marketing"
  - name: Low Priority
    min: 0
    max: ${standard - 1}
    color: gray
    owner: "@${owner}-marketing"
`;

export const TEMPLATES: readonly Template[] = [
  { id: 'four-tier', description: 'Target, Qualified, Standard, Low Priority: the classic enterprise fit tiers', files: { 'enterprise-tiers.yaml': fourTier } },
  { id: 'three-tier', description: 'Target, Engage, Nurture: a simple split for one sales team', files: { 'account-tiers.yaml': threeTier } },
  { id: 'customer-segmentation', description: 'Strategic, Growth, Core, Self-serve: coverage for existing customers', files: { 'customer-segments.yaml': customerSegmentation } },
  {
    id: 'regional',
    description: 'One four-tier ruleset per region; North America is primary, EMEA and APAC are compared side by side',
    files: {
      'north-america.yaml': region('north-america', 'North America Tiers', true, 80, 50, 20, 'na'),
      'emea.yaml': region('emea', 'EMEA Tiers', false, 75, 45, 20, 'emea'),
      'apac.yaml': region('apac', 'APAC Tiers', false, 70, 40, 15, 'apac'),
    },
  },
  { id: 'lifecycle', description: 'Engaged, Evaluating, Dormant: stages from an engagement score', files: { 'lifecycle.yaml': lifecycle(true) } },
];

/** The lifecycle ruleset as an experiment beside a primary one (the project's own example). */
export const LIFECYCLE_EXPERIMENT = lifecycle(false);

export const DEFAULT_TEMPLATE = 'four-tier';

/** The first line of every file init writes, so editors complete and check it. */
export function schemaLine(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}\n`;
}
