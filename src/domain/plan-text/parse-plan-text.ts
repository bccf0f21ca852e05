/**
 * The plan importer's entry point: text copied out of a PIAO's performance tables (tab-separated
 * rows, page headers in between) into a ParsedPlan, or the first problem found with its line.
 * Pure and deterministic; it never throws on input, however malformed.
 */
import { areaNameFromHeading } from './area-heading.ts';
import { buildObjectives } from './build-objectives.ts';
import { splitSections } from './document-sections.ts';
import type { ParsedArea, ParsePlanResult } from './parsed-plan.ts';
import { actsInPremessa } from './premessa-acts.ts';
import { tokenise } from './source-lines.ts';
import { logicalRows } from './table-rows.ts';

export function parsePlanText(text: string): ParsePlanResult {
  const sections = splitSections(tokenise(text));
  if (!sections.ok) return sections;
  const areas: ParsedArea[] = [];
  for (const section of sections.value.areas) {
    const rows = logicalRows(section.rows);
    if (!rows.ok) return rows;
    const motivation = section.motivation.length > 0 ? section.motivation.join('\n') : null;
    const objectives = buildObjectives(rows.value, section.motivation, motivation);
    if (!objectives.ok) return objectives;
    areas.push({
      name: areaNameFromHeading(section.heading),
      heading: section.heading,
      motivation,
      objectives: objectives.value,
      line: section.line,
    });
  }
  return {
    ok: true,
    plan: { ente: sections.value.ente, acts: actsInPremessa(sections.value.premessa), areas },
  };
}

/**
 * The lines of the text that the importer read but placed in no area, objective or phase (prose
 * between table rows, table rows before the first area), for the preview to list; [] when the text
 * does not parse (the error says why).
 */
export function unplacedLines(text: string): { line: number; text: string }[] {
  const sections = splitSections(tokenise(text));
  return sections.ok ? sections.value.unplaced : [];
}
