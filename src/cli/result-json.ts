/**
 * The `--json` output: one object with `subjects`, `participation` and `findings` (README, "JSON
 * output"). Scores are numbers rounded to the scheme's places for display; `scoreExact` keeps the
 * exact fraction as "num/den" so a reader can check a threshold without rounding. `findings` lists
 * what `listedFindings` keeps (a sheet wrong in every row gives a summary line, not a million
 * entries); `findingCounts` counts every finding.
 */
import { CampaignResult } from '../core/engine';
import { listedFindings } from '../core/findings/finding';

export function resultJson(result: CampaignResult) {
  const places = result.scheme.scoring.places;
  return {
    scheme: { id: result.scheme.id, name: result.scheme.name },
    subjects: result.subjects.map((s) => ({
      name: s.name,
      label: s.label,
      unit: s.unit,
      category: s.category,
      tier: s.tier,
      score: s.score === null ? null : Number(s.score.toFixed(places)),
      scoreExact: s.score === null ? null : s.score.toString(),
      rank: s.rank,
      flags: s.flags,
      reasons: s.reasons,
      vetoes: s.vetoes,
      designations: s.designations,
      consequences: s.consequences,
      shares: s.overall,
      satisfaction: s.satisfaction,
      satisfactionByForm: s.satisfactionByForm,
      recommendations: s.recommendations,
      figures: s.figures,
    })),
    participation: result.participation,
    rectification: result.rectification,
    findingCounts: {
      error: result.findings.filter((f) => f.severity === 'error').length,
      warning: result.findings.filter((f) => f.severity === 'warning').length,
    },
    findings: listedFindings(result.findings).map((f) => ({ file: f.file, sheet: f.sheet, cell: f.cell, code: f.code, severity: f.severity, message: f.message })),
  };
}
