import { interactionsStep } from './interactions';
import { messagingStep } from './messaging';
import { followsStep, type SeedStep, usersStep } from './scale';
import { activityStep, workoutsStep } from './training';

/** `npm run seed` runs these in order; each domain adds its own step here. */
export const scaleSteps: SeedStep[] = [
  usersStep,
  followsStep,
  workoutsStep,
  activityStep,
  messagingStep,
  interactionsStep,
];
