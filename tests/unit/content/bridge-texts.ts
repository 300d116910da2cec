// The comment texts of the session tests' bridge page: one per stance and a plain fact.
export const TEXTS = [
  'Great plan, long overdue. I fully support it.',
  'This will never work and it wastes taxpayer money.',
  'When does construction start?',
  'The old bridge was built in 1962.',
  'Terrible idea, scrap it.',
];
