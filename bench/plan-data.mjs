// The plan-scale page's saved data, shared by bench/browser.mjs and bench/profile-keystrokes.mjs.

/**
 * Saved data (version 2) holding the plan file `file` (as `formats::envelope` saves a plan)
 * and one profile
 * for every unit of its first bloc, each with every target filled in (varied figures), so
 * that the summary's rank is among the whole bloc. The active profile is the bloc's first unit.
 */
export function planData(file) {
  const plan = file.plan;
  const bloc = plan.blocs[0];
  const profiles = bloc.units.map((unit, i) => {
    const entries = {};
    plan.targets.forEach((target, t) => {
      if (!(bloc.id in (target.applies ?? {}))) return;
      const k = i * 7 + t * 3;
      const base = { mode: 'counts', numerator: '', denominator: '', percent: '', answer: null, before: '', after: '' };
      if (target.kind === 'ratio') entries[target.id] = { ...base, numerator: String(k % 41), denominator: '40' };
      else if (target.kind === 'yes_no') entries[target.id] = { ...base, answer: k % 3 !== 0 };
      else entries[target.id] = { ...base, before: String(k % 13), after: String((k * 5) % 17) };
    });
    return { id: `p${i + 1}`, profile: { plan: plan.id, label: '', bloc: bloc.id, unit_id: unit.id, other_name: '', entries } };
  });
  return { format: 'cchc-2021', version: 2, data: { profiles, active: 'p1', peer_scores: {}, language: 'vi', plans: [file] } };
}
