// A generated catalogue for the search benchmark: `count` resources in the exact format of the
// built site's catalogue.json (its taxonomy, "format" and any other top-level fields copied
// from it), written the way Student Services resources are, from a fixed seed so every run
// measures the same data.
//
// Subjects are picked first and the title and summary are written about them, so a search
// for "mental health" or "peer support" matches a realistic share of the catalogue (through the
// text and through the taxonomy labels), not every resource and not none.

/** A small seeded generator (mulberry32): the same seed gives the same catalogue. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** `n` different items of `list`, in random order. */
  const some = (list, n) => {
    const pool = [...list];
    const out = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  /** An item of `[item, weight]` pairs, by weight. */
  const weighted = (pairs) => {
    let r = next() * pairs.reduce((sum, [, w]) => sum + w, 0);
    for (const [item, w] of pairs) if ((r -= w) < 0) return item;
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, some, weighted };
}

/** What each subject is called in running text (the taxonomy ids of dist/catalogue.json). */
const PHRASES = {
  'mental-health': ['student mental health', 'mental health support', 'mental health services', 'common mental health difficulties', 'a university mental health strategy'],
  wellbeing: ['student wellbeing', 'wellbeing support', 'wellbeing services', 'staff and student wellbeing', 'wellbeing in the curriculum'],
  careers: ['careers and employability', 'graduate employability', 'career planning', 'work placements', 'careers guidance'],
  accommodation: ['residential life', 'university accommodation', 'halls of residence', 'residence life teams', 'private rented housing'],
  belonging: ['a sense of belonging', 'belonging and community', 'student belonging', 'inclusive campus communities'],
  loneliness: ['loneliness and isolation', 'social isolation', 'student loneliness', 'friendship and connection'],
  transition: ['the transition to university', 'first-year transition', 'induction and welcome week', 'the first year experience'],
  'peer-support': ['peer mentoring', 'peer support schemes', 'peer-assisted learning', 'student peer mentors', 'peer support groups'],
  curriculum: ['curriculum design', 'teaching and assessment', 'inclusive teaching', 'compassionate pedagogy'],
  staff: ['personal tutoring', 'staff roles in student support', 'professional services staff', 'staff training'],
  strategy: ['a whole-university approach', 'institutional strategy', 'senior leadership', 'governance and accountability'],
  'international-students': ['international students', 'intercultural support', 'students far from home', 'visa and immigration advice'],
  'postgraduate-research': ['postgraduate researchers', 'doctoral candidates', 'research degree supervision', 'the doctoral journey'],
  'commuter-students': ['commuter students', 'students living at home', 'travel and commuting', 'timetabling for commuters'],
  money: ['money and the cost of living', 'financial hardship', 'student finance', 'hardship funds', 'money advice'],
  'physical-activity': ['physical activity and sport', 'campus sport', 'active travel', 'sport and exercise'],
  sleep: ['sleep and rest', 'student sleep', 'sleep hygiene', 'night-time routines'],
  mindfulness: ['mindfulness', 'mindfulness-based courses', 'meditation and mindfulness', 'compassion-focused practice'],
  stress: ['stress and anxiety', 'exam stress', 'academic pressure', 'anxiety about assessment'],
  'help-seeking': ['help-seeking', 'access to support', 'early intervention', 'signposting to services'],
  'suicide-prevention': ['suicide prevention', 'suicide-safer universities', 'postvention support', 'crisis response'],
  retention: ['retention and success', 'student retention', 'continuation and completion', 'early withdrawal'],
  'learning-analytics': ['learning analytics', 'student data', 'engagement monitoring', 'data-informed support'],
  'extra-curricular': ["students' unions", 'clubs and societies', 'volunteering', 'extra-curricular activities'],
};
const FALLBACK_PHRASES = ['student support', 'student resilience', 'Student Services'];

const LEADS = ['Supporting', 'Improving', 'Understanding', 'Rethinking', 'Building', 'Developing', 'Evaluating', 'Strengthening', 'Embedding', 'Measuring', 'Promoting', 'Designing'];
const GROUPS = [
  'undergraduate students', 'first-year students', 'postgraduate researchers', 'international students',
  'commuter students', 'mature students', 'care-experienced students', 'disabled students', 'student carers',
  'first-generation students', 'students in halls', 'distance learners', 'degree apprentices',
  'nursing students', 'medical students', 'LGBTQ+ students', 'estranged students',
];
const SETTINGS = [
  'in UK higher education', 'at a post-92 university', 'in a research-intensive university',
  'across a further education college', 'in Australian universities', 'on a small campus',
  'in a Scottish university', 'across the sector', "through the students' union", 'in a Welsh university',
];
const SUBTITLES = [
  'a case study', 'lessons from a three-year evaluation', 'a practical guide for Student Services',
  'findings from a national survey', 'a toolkit for practitioners', 'what works and why',
  'evidence from a randomised trial', 'a framework for institutions', 'reflections from practice',
  'a review of the evidence', 'report of a sector-wide project', 'a workshop guide for staff',
  'an evaluation of a pilot scheme', 'a mixed-methods study',
];
const TYPE_NOUNS = {
  'case-study': 'case study',
  'research-report': 'report',
  'intervention-tool': 'toolkit',
  'learning-material': 'guide',
};
const ACTORS = [
  'one university', "a students' union", 'a residential life team', 'a counselling service', 'a careers service',
  'a faculty', 'a consortium of universities', 'a further education college', 'a doctoral college', 'a library',
];
const VERBS = ['introduced', 'redesigned', 'evaluated', 'piloted', 'scaled up', 'embedded', 'co-designed', 'reviewed'];
const EVIDENCE = ['interviews', 'focus groups', 'a survey', 'routine service data', 'a longitudinal cohort study', 'workshops'];
const OUTCOMES = [
  'continuation', 'attendance', 'self-reported wellbeing', 'help-seeking', 'a sense of belonging',
  'academic confidence', 'engagement with support', 'satisfaction with support',
];
const CONDITIONS = [
  'peer mentors were trained and supervised', 'academic staff were involved from the start',
  'students helped design the scheme', 'support was offered before problems escalated',
  'the scheme was embedded in the timetable', 'services shared data with consent',
];
const AUDIENCES = [
  'personal tutors', 'residence life staff', 'wellbeing advisers', 'senior leaders', 'careers advisers',
  "students' union officers", 'academic developers', 'disability advisers', 'doctoral supervisors',
];

const FIRST_NAMES = [
  'Aisha', 'Ben', 'Catherine', 'David', 'Eleanor', 'Fatima', 'George', 'Hannah', 'Imran', 'Joanna', 'Kwame',
  'Laura', 'Michael', 'Nadia', 'Owen', 'Priya', 'Rachel', 'Samuel', 'Tom', 'Una', 'Victoria', 'William',
  'Yasmin', 'Zoe', 'Alistair', 'Bethan', 'Ciaran', 'Deborah', 'Emeka', 'Fiona', 'Gareth', 'Helen', 'Isla',
  'Jamal', 'Kirsty', 'Liam', 'Megan', 'Niamh', 'Oliver', 'Poppy',
];
const LAST_NAMES = [
  'Ahmed', 'Baker', 'Campbell', 'Davies', 'Evans', 'Fraser', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan',
  'Lewis', 'MacDonald', 'Morgan', 'Nowak', "O'Brien", 'Patel', 'Quinn', 'Roberts', 'Singh', 'Thomas',
  'Turner', 'Walker', 'Williams', 'Wilson', 'Wright', 'Young', 'Brown', 'Clarke', 'Edwards', 'Hall', 'Hill',
  'Kelly', 'Murray', 'Okafor', 'Reid', 'Scott', 'Stewart', 'Taylor', 'Watson',
];
/** [name, web host, country] */
const PUBLISHERS = [
  ['Universities UK', 'www.universitiesuk.ac.uk', 'UK'],
  ['Student Minds', 'www.studentminds.org.uk', 'UK'],
  ['Advance HE', 'www.advance-he.ac.uk', 'UK'],
  ['HEPI', 'www.hepi.ac.uk', 'UK'],
  ['Office for Students', 'www.officeforstudents.org.uk', 'UK'],
  ['Jisc', 'www.jisc.ac.uk', 'UK'],
  ['UCAS', 'www.ucas.com', 'UK'],
  ['Unite Students', 'www.unitestudents.com', 'UK'],
  ['Wonkhe', 'wonkhe.com', 'UK'],
  ['AMOSSHE', 'www.amosshe.org.uk', 'UK'],
  ['National Union of Students', 'www.nus.org.uk', 'UK'],
  ['Mind', 'www.mind.org.uk', 'UK'],
  ['Nightline Association', 'www.nightline.ac.uk', 'UK'],
  ['PAPYRUS', 'www.papyrus-uk.org', 'UK'],
  ['Samaritans', 'www.samaritans.org', 'UK'],
  ['Mental Health Foundation', 'www.mentalhealth.org.uk', 'UK'],
  ['Universities Scotland', 'www.universities-scotland.ac.uk', 'UK'],
  ['QAA', 'www.qaa.ac.uk', 'UK'],
  ['UKCISA', 'www.ukcisa.org.uk', 'UK'],
  ['Vitae', 'www.vitae.ac.uk', 'UK'],
  ['UK Council for Graduate Education', 'ukcge.ac.uk', 'UK'],
  ['Institute of Student Employers', 'ise.org.uk', 'UK'],
  ['AGCAS', 'www.agcas.org.uk', 'UK'],
  ['British Universities and Colleges Sport', 'www.bucs.org.uk', 'UK'],
  ['Association of Colleges', 'www.aoc.co.uk', 'UK'],
  ['TASO', 'taso.org.uk', 'UK'],
  ['Paul Hamlyn Foundation', 'www.phf.org.uk', 'UK'],
  ['Public Health England', 'www.gov.uk', 'UK'],
  ['University of Derby', 'www.derby.ac.uk', 'UK'],
  ['Nottingham Trent University', 'www.ntu.ac.uk', 'UK'],
  ['University of Leeds', 'www.leeds.ac.uk', 'UK'],
  ["King's College London", 'www.kcl.ac.uk', 'UK'],
  ['University of Edinburgh', 'www.ed.ac.uk', 'UK'],
  ['Cardiff University', 'www.cardiff.ac.uk', 'UK'],
  ['Sheffield Hallam University', 'www.shu.ac.uk', 'UK'],
  ['Orygen', 'www.orygen.org.au', 'Australia'],
  ['headspace', 'headspace.org.au', 'Australia'],
  ['The Jed Foundation', 'jedfoundation.org', 'USA'],
  ['NASPA', 'www.naspa.org', 'USA'],
  ['Trinity College Dublin', 'www.tcd.ie', 'Ireland'],
  ['World Health Organization', 'www.who.int', 'International'],
];
const COUNTRIES = [['UK', 70], ['Australia', 8], ['USA', 8], ['International', 6], ['Ireland', 4], ['Canada', 2], ['New Zealand', 2]];
const SECTORS = [
  ['Higher education', 70], ['Further education', 6], ['Higher and further education', 8],
  ['Higher education accommodation', 4], ['Cross-sector', 5], ['General population', 3],
  ['Schools and further education', 2], ['Workplace', 2],
];

const words = (text) => text.split(/\s+/).filter(Boolean).length;
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** An id made from a title, like the toolkit's own `slug`: lowercase words joined by hyphens, cut
 *  at a word to 60 characters. */
export function slug(title) {
  let out = '';
  for (const word of title.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
    if (out.length + word.length + 1 > 60) break;
    out += (out ? '-' : '') + word;
  }
  return out;
}

function title(rng, primary, secondary) {
  const patterns = [
    () => `${rng.pick(LEADS)} ${rng.pick(primary)} for ${rng.pick(GROUPS)} ${rng.pick(SETTINGS)}`,
    () => `${capitalise(rng.pick(primary))} and ${rng.pick(secondary)}: ${rng.pick(SUBTITLES)}`,
    () => `${rng.pick(LEADS)} ${rng.pick(primary)} ${rng.pick(SETTINGS)}: ${rng.pick(SUBTITLES)}`,
    () => `The role of ${rng.pick(primary)} in ${rng.pick(secondary)} for ${rng.pick(GROUPS)}`,
    () => `${capitalise(rng.pick(primary))} among ${rng.pick(GROUPS)}: ${rng.pick(SUBTITLES)}`,
    () => `What ${rng.pick(GROUPS)} say about ${rng.pick(primary)} and ${rng.pick(secondary)}`,
  ];
  for (;;) {
    const text = rng.pick(patterns)();
    if (words(text) >= 8 && words(text) <= 14) return text;
  }
}

function summary(rng, type, phrases) {
  const p = () => rng.pick(phrases);
  const sentences = [
    () => `This ${TYPE_NOUNS[type] ?? 'resource'} describes how ${rng.pick(ACTORS)} ${rng.pick(VERBS)} support for ${p()} with ${rng.pick(GROUPS)}.`,
    () => `It draws on ${rng.pick(EVIDENCE)} with ${rng.int(12, 900)} students and ${rng.int(4, 60)} staff.`,
    () => `The authors argue that ${p()} depends on the environment institutions provide, not on individual students.`,
    () => `Practical recommendations cover ${p()}, ${p()} and ${rng.pick(OUTCOMES)}.`,
    () => `Useful for Student Services teams planning ${p()} or reviewing ${p()}.`,
    () => 'Includes templates, session plans and evaluation questions that can be adapted locally.',
    () => `Findings show that ${p()} improved ${rng.pick(OUTCOMES)} when ${rng.pick(CONDITIONS)}.`,
    () => `A short read for ${rng.pick(AUDIENCES)} who want to understand ${p()}.`,
    () => `Written with students, it sets out what ${rng.pick(AUDIENCES)} can do about ${p()} ${rng.pick(SETTINGS)}.`,
  ];
  for (;;) {
    const target = rng.int(30, 60);
    const out = [];
    let n = 0;
    for (let tries = 0; tries < 20 && n < target; tries++) {
      const sentence = rng.pick(sentences)();
      if (n + words(sentence) <= 60) {
        out.push(sentence);
        n += words(sentence);
      }
    }
    if (n >= 30 && n <= 60) return out.join(' ');
  }
}

function date(rng) {
  // A day from 2024-01-01 to 2026-11-23.
  const start = Date.UTC(2024, 0, 1);
  const days = (Date.UTC(2026, 10, 23) - start) / 86_400_000;
  return new Date(start + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `count` resources with the taxonomy and top-level fields of `real` (a parsed catalogue.json),
 * fields in the same (alphabetical) order as the build writes them.
 */
export function generateCatalogue(real, { count = 10_000, seed = 20_261_128 } = {}) {
  const rng = random(seed);
  const { taxonomy } = real;
  const approachIds = taxonomy.approaches.map((t) => t.id);
  const typeIds = taxonomy.types.map((t) => t.id);
  const subjectIds = taxonomy.subjects.map((t) => t.id);
  const kinds = taxonomy.evidence;
  const phrasesOf = (id) => PHRASES[id] ?? FALLBACK_PHRASES;
  const seen = new Set();
  const resources = [];
  for (let i = 0; i < count; i++) {
    const subjects = rng.some(subjectIds, rng.int(1, 4));
    const type = rng.pick(typeIds);
    const primary = phrasesOf(subjects[0]);
    const secondary = phrasesOf(subjects[1] ?? rng.pick(subjectIds));
    const resourceTitle = title(rng, primary, secondary);
    let id = slug(resourceTitle);
    for (let n = 2; seen.has(id); n++) id = `${slug(resourceTitle)}-${n}`;
    seen.add(id);
    const [publisher, host, home] = rng.pick(PUBLISHERS);
    const authorCount = rng.weighted([[0, 30], [1, 35], [2, 20], [3, 15]]);
    const authors = Array.from({ length: authorCount }, () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`);
    const kind = rng.pick(kinds);
    resources.push({
      added: date(rng),
      approaches: rng.some(approachIds, rng.int(1, Math.min(3, approachIds.length))),
      authors: [...new Set(authors)],
      country: rng.next() < 0.85 ? home : rng.weighted(COUNTRIES),
      evidence: kind.id,
      evidence_basis: `Abstract: ${rng.int(20, 4000)} students, ${kind.label.toLowerCase()}.`,
      id,
      publisher,
      sector: rng.weighted(SECTORS),
      standard: rng.pick(kind.standards),
      subjects,
      summary: summary(rng, type, subjects.flatMap(phrasesOf)),
      title: resourceTitle,
      type,
      url: `https://${host}/resources/${id}`,
      year: rng.next() < 0.04 ? null : rng.int(2000, 2026),
    });
  }
  // The real collections (the app validates them too), each listing as many generated
  // resources as it lists real ones.
  const collections = (real.collections ?? []).map((c) => ({
    ...c,
    resources: rng.some(resources, c.resources.length).map((r, i) => ({ ...c.resources[i], id: r.id })),
  }));
  // Every top-level field of the real file, in its order, with the resources and collections
  // replaced.
  const replaced = { resources, collections };
  return Object.fromEntries(Object.entries(real).map(([key, value]) => [key, replaced[key] ?? value]));
}

/** The toolkit's rules that a generator could break; the app checks them all when it loads. */
export function problems(catalogue) {
  const out = [];
  const ids = new Set();
  const terms = (list) => new Set(catalogue.taxonomy[list].map((t) => t.id));
  const [approaches, types, subjects] = [terms('approaches'), terms('types'), terms('subjects')];
  for (const r of catalogue.resources) {
    const bad = (what) => out.push(`${r.id}: ${what}`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id) || r.id.length > 80) bad('id is not a slug');
    if (ids.has(r.id)) bad('id repeated');
    ids.add(r.id);
    if (!types.has(r.type)) bad(`unknown type ${r.type}`);
    if (!r.approaches.length || r.approaches.some((a) => !approaches.has(a))) bad('approaches');
    if (r.subjects.some((s) => !subjects.has(s))) bad('subjects');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.added)) bad('added');
    const kind = catalogue.taxonomy.evidence.find((k) => k.id === r.evidence);
    if (!kind || !kind.standards.includes(r.standard) || !r.evidence_basis) bad('evidence');
    if (!r.authors.length && !r.publisher) bad('no author or publisher');
  }
  for (const c of catalogue.collections ?? []) {
    for (const item of c.resources) if (!ids.has(item.id)) out.push(`collection ${c.id}: ${item.id} is not a resource`);
    if (new Set(c.resources.map((item) => item.id)).size !== c.resources.length) out.push(`collection ${c.id}: an id repeated`);
  }
  return out;
}
