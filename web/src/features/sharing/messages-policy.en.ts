/** English messages of the lending policy page (merged into sharingEn in messages.en.ts). */
export const sharingPolicyEn = {
  // Lending policy
  'ill.policy.title': 'Lending policy',
  'ill.policy.lead':
    'What your library lends to other members, and how lenders are chosen for your requests.',
  'ill.policy.adminOnly': 'Only your library’s administrators can change the policy.',
  'ill.policy.lending': 'Lend to other member libraries',
  'ill.policy.formats': 'Formats lent (one per line; empty = all)',
  'ill.policy.locations': 'Locations that never lend (one per line)',
  'ill.policy.limit': 'Most active loans at once (empty = no limit)',
  'ill.policy.answerDays': 'Business days to answer a request',
  'ill.policy.rushHours': 'Hours to answer a rush request',
  'ill.policy.loanDays': 'Loan period in days',
  'ill.policy.lastResort': 'Lender of last resort (asked after everyone else)',
  'ill.policy.partners': 'Preferred partners (asked first for your requests)',
  'ill.policy.goalLoans': 'Goal: loans',
  'ill.policy.goalBorrows': 'Goal: borrows',
  'ill.policy.goalHint': 'Your goal ratio of loans to borrows; libraries below their goal are asked first.',
  'ill.policy.save': 'Save policy',
  'ill.policy.saved': 'Lending policy saved.',
  'ill.policy.number': 'Enter a whole number.',
  'ill.policy.contuTitle': 'Copyright: copies per journal this year (CONTU)',
  'ill.policy.contuCaption': 'Copies received per journal in {year}',
  'ill.policy.contuJournal': 'Journal',
  'ill.policy.contuCount': 'Copies',
  'ill.policy.contuNone': 'No copies received this year.',
  'ill.policy.contuWarn': 'Fifth reached: royalties from the sixth',
};
