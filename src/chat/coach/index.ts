// The built-in offline coach: answers, the chat provider, and the quote finder
// that maps quoted passages of any persona's answer back to the document.
export { coachAnswer, coachOpening, COACH_LABEL, type CoachContext } from './coach';
export { createOfflineCoach, OFFLINE_COACH_ID, OFFLINE_COACH_LABEL } from './provider';
export { findQuotes, type FoundQuote } from './quotes';
