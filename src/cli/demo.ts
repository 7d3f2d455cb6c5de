/**
 * `npm run demo`: the engine on the bundled sample campaign (samples/), printed as a readable
 * Chinese summary: subjects, tiers, scores, ranks, participation, reasons and every finding.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { runCampaign } from '../core/engine';
import { Submission } from '../core/forms/grid';
import { getPreset } from '../core/presets';
import { RosterEntry } from '../core/roster/roster';
import { summaryText } from './summary';

interface SampleCampaign {
  scheme: string;
  today: string;
  roster: RosterEntry[];
  submissions: Submission[];
}

export function runSample(path: string) {
  const sample = JSON.parse(readFileSync(path, 'utf8')) as SampleCampaign;
  return runCampaign({ scheme: getPreset(sample.scheme), roster: sample.roster, submissions: sample.submissions, today: sample.today });
}

if (require.main === module) {
  const path = process.argv[2] ?? join(__dirname, '../../samples/p4-middle-managers.json');
  const result = runSample(path);
  console.log(summaryText(result));
}
