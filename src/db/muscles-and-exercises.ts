// Lives in code, not a migration: seeded by a migration-independent upsert so it can grow without a schema change.
export interface CatalogueExercise {
  name: string;
  activations: Record<string, number>;
}

export const muscles: readonly string[] = [
  'Pectoralis Major',
  'Anterior Deltoid',
  'Lateral Deltoid',
  'Posterior Deltoid',
  'Rotator Cuff',
  'Serratus Anterior',
  'Latissimus Dorsi',
  'Teres Major',
  'Trapezius',
  'Rhomboids',
  'Erector Spinae',
  'Biceps Brachii',
  'Brachialis',
  'Brachioradialis',
  'Triceps Brachii',
  'Forearm Flexors',
  'Forearm Extensors',
  'Rectus Abdominis',
  'Obliques',
  'Transverse Abdominis',
  'Hip Flexors',
  'Gluteus Maximus',
  'Hip Abductors',
  'Hip Adductors',
  'Quadriceps',
  'Hamstrings',
  'Calves (Gastrocnemius)',
  'Soleus',
  'Tibialis Anterior',
];

export const exercises: readonly CatalogueExercise[] = [
  {
    name: 'Bench Press',
    activations: {
      'Pectoralis Major': 0.95,
      'Triceps Brachii': 0.65,
      'Anterior Deltoid': 0.6,
      'Serratus Anterior': 0.2,
    },
  },
  {
    name: 'Incline Bench Press',
    activations: {
      'Pectoralis Major': 0.85,
      'Anterior Deltoid': 0.75,
      'Triceps Brachii': 0.55,
      'Serratus Anterior': 0.2,
    },
  },
  {
    name: 'Incline Dumbbell Press',
    activations: {
      'Pectoralis Major': 0.85,
      'Anterior Deltoid': 0.7,
      'Triceps Brachii': 0.5,
      'Rotator Cuff': 0.2,
    },
  },
  {
    name: 'Decline Bench Press',
    activations: {
      'Pectoralis Major': 0.95,
      'Triceps Brachii': 0.6,
      'Anterior Deltoid': 0.4,
    },
  },
  {
    name: 'Dumbbell Bench Press',
    activations: {
      'Pectoralis Major': 0.95,
      'Anterior Deltoid': 0.6,
      'Triceps Brachii': 0.55,
      'Rotator Cuff': 0.2,
    },
  },
  {
    name: 'Close-Grip Bench Press',
    activations: {
      'Triceps Brachii': 0.9,
      'Pectoralis Major': 0.7,
      'Anterior Deltoid': 0.5,
    },
  },
  {
    name: 'Machine Chest Press',
    activations: {
      'Pectoralis Major': 0.9,
      'Anterior Deltoid': 0.55,
      'Triceps Brachii': 0.55,
    },
  },
  {
    name: 'Dumbbell Fly',
    activations: {
      'Pectoralis Major': 0.9,
      'Anterior Deltoid': 0.45,
      'Biceps Brachii': 0.15,
    },
  },
  {
    name: 'Cable Crossover',
    activations: {
      'Pectoralis Major': 0.9,
      'Anterior Deltoid': 0.4,
      'Serratus Anterior': 0.25,
    },
  },
  {
    name: 'Pec Deck',
    activations: { 'Pectoralis Major': 0.9, 'Anterior Deltoid': 0.35 },
  },
  {
    name: 'Push-Up',
    activations: {
      'Pectoralis Major': 0.85,
      'Triceps Brachii': 0.6,
      'Anterior Deltoid': 0.55,
      'Serratus Anterior': 0.35,
      'Rectus Abdominis': 0.25,
    },
  },
  {
    name: 'Diamond Push-Up',
    activations: {
      'Triceps Brachii': 0.85,
      'Pectoralis Major': 0.7,
      'Anterior Deltoid': 0.5,
      'Serratus Anterior': 0.3,
      'Rectus Abdominis': 0.2,
    },
  },
  {
    name: 'Chest Dip',
    activations: {
      'Pectoralis Major': 0.85,
      'Triceps Brachii': 0.7,
      'Anterior Deltoid': 0.55,
    },
  },
  {
    name: 'Dumbbell Pullover',
    activations: {
      'Pectoralis Major': 0.7,
      'Latissimus Dorsi': 0.65,
      'Serratus Anterior': 0.4,
      'Triceps Brachii': 0.3,
      'Teres Major': 0.3,
    },
  },
  {
    name: 'Scapular Push-Up',
    activations: {
      'Serratus Anterior': 0.9,
      'Pectoralis Major': 0.3,
      'Rectus Abdominis': 0.25,
    },
  },

  {
    name: 'Overhead Press',
    activations: {
      'Anterior Deltoid': 0.95,
      'Triceps Brachii': 0.65,
      'Lateral Deltoid': 0.6,
      Trapezius: 0.35,
      'Serratus Anterior': 0.3,
    },
  },
  {
    name: 'Seated Dumbbell Shoulder Press',
    activations: {
      'Anterior Deltoid': 0.9,
      'Lateral Deltoid': 0.6,
      'Triceps Brachii': 0.55,
      'Rotator Cuff': 0.2,
    },
  },
  {
    name: 'Arnold Press',
    activations: {
      'Anterior Deltoid': 0.9,
      'Lateral Deltoid': 0.65,
      'Triceps Brachii': 0.5,
      'Rotator Cuff': 0.25,
    },
  },
  {
    name: 'Push Press',
    activations: {
      'Anterior Deltoid': 0.85,
      'Triceps Brachii': 0.6,
      'Lateral Deltoid': 0.5,
      Quadriceps: 0.5,
      'Gluteus Maximus': 0.35,
    },
  },
  {
    name: 'Landmine Press',
    activations: {
      'Anterior Deltoid': 0.85,
      'Pectoralis Major': 0.55,
      'Triceps Brachii': 0.5,
      'Serratus Anterior': 0.4,
      Obliques: 0.25,
    },
  },
  {
    name: 'Lateral Raise',
    activations: {
      'Lateral Deltoid': 0.95,
      Trapezius: 0.4,
      'Anterior Deltoid': 0.3,
      'Rotator Cuff': 0.3,
    },
  },
  {
    name: 'Cable Lateral Raise',
    activations: {
      'Lateral Deltoid': 0.95,
      Trapezius: 0.35,
      'Rotator Cuff': 0.3,
    },
  },
  {
    name: 'Front Raise',
    activations: {
      'Anterior Deltoid': 0.9,
      'Pectoralis Major': 0.35,
      'Lateral Deltoid': 0.3,
      'Serratus Anterior': 0.2,
    },
  },
  {
    name: 'Upright Row',
    activations: {
      'Lateral Deltoid': 0.85,
      Trapezius: 0.75,
      'Anterior Deltoid': 0.4,
      'Biceps Brachii': 0.3,
    },
  },
  {
    name: 'Reverse Pec Deck',
    activations: {
      'Posterior Deltoid': 0.9,
      Rhomboids: 0.55,
      Trapezius: 0.45,
      'Rotator Cuff': 0.3,
    },
  },
  {
    name: 'Bent-Over Reverse Fly',
    activations: {
      'Posterior Deltoid': 0.9,
      Rhomboids: 0.6,
      Trapezius: 0.5,
      'Rotator Cuff': 0.3,
    },
  },
  {
    name: 'Face Pull',
    activations: {
      'Posterior Deltoid': 0.85,
      'Rotator Cuff': 0.6,
      Trapezius: 0.55,
      Rhomboids: 0.5,
    },
  },
  {
    name: 'Band Pull-Apart',
    activations: {
      'Posterior Deltoid': 0.85,
      Rhomboids: 0.65,
      Trapezius: 0.5,
      'Rotator Cuff': 0.45,
    },
  },
  {
    name: 'Cable External Rotation',
    activations: { 'Rotator Cuff': 1, 'Posterior Deltoid': 0.35 },
  },
  {
    name: 'Barbell Shrug',
    activations: { Trapezius: 0.95, 'Forearm Flexors': 0.35, Rhomboids: 0.2 },
  },
  {
    name: 'Dumbbell Shrug',
    activations: { Trapezius: 0.95, 'Forearm Flexors': 0.4 },
  },

  {
    name: 'Pull-Up',
    activations: {
      'Latissimus Dorsi': 0.95,
      'Teres Major': 0.6,
      'Biceps Brachii': 0.55,
      Brachialis: 0.45,
      Rhomboids: 0.4,
    },
  },
  {
    name: 'Chin-Up',
    activations: {
      'Latissimus Dorsi': 0.9,
      'Biceps Brachii': 0.75,
      Brachialis: 0.5,
      'Teres Major': 0.5,
      'Rectus Abdominis': 0.2,
    },
  },
  {
    name: 'Lat Pulldown',
    activations: {
      'Latissimus Dorsi': 0.95,
      'Teres Major': 0.55,
      'Biceps Brachii': 0.5,
      Rhomboids: 0.35,
      'Posterior Deltoid': 0.3,
    },
  },
  {
    name: 'Straight-Arm Pulldown',
    activations: {
      'Latissimus Dorsi': 0.9,
      'Teres Major': 0.6,
      'Triceps Brachii': 0.3,
      'Rectus Abdominis': 0.2,
    },
  },
  {
    name: 'Barbell Row',
    activations: {
      'Latissimus Dorsi': 0.85,
      Rhomboids: 0.7,
      Trapezius: 0.6,
      'Posterior Deltoid': 0.55,
      'Erector Spinae': 0.45,
    },
  },
  {
    name: 'Pendlay Row',
    activations: {
      'Latissimus Dorsi': 0.85,
      Rhomboids: 0.7,
      Trapezius: 0.6,
      'Erector Spinae': 0.5,
      'Posterior Deltoid': 0.5,
    },
  },
  {
    name: 'One-Arm Dumbbell Row',
    activations: {
      'Latissimus Dorsi': 0.9,
      Rhomboids: 0.6,
      'Teres Major': 0.5,
      'Biceps Brachii': 0.45,
      Obliques: 0.2,
    },
  },
  {
    name: 'Seated Cable Row',
    activations: {
      'Latissimus Dorsi': 0.8,
      Rhomboids: 0.75,
      Trapezius: 0.6,
      'Posterior Deltoid': 0.5,
      'Biceps Brachii': 0.45,
    },
  },
  {
    name: 'T-Bar Row',
    activations: {
      'Latissimus Dorsi': 0.85,
      Rhomboids: 0.7,
      Trapezius: 0.6,
      'Posterior Deltoid': 0.45,
      'Erector Spinae': 0.4,
    },
  },
  {
    name: 'Chest-Supported Row',
    activations: {
      Rhomboids: 0.85,
      'Latissimus Dorsi': 0.75,
      Trapezius: 0.65,
      'Posterior Deltoid': 0.55,
    },
  },
  {
    name: 'Inverted Row',
    activations: {
      'Latissimus Dorsi': 0.75,
      Rhomboids: 0.75,
      'Posterior Deltoid': 0.5,
      'Biceps Brachii': 0.45,
      'Rectus Abdominis': 0.25,
    },
  },
  {
    name: 'Dead Hang',
    activations: {
      'Forearm Flexors': 0.9,
      'Latissimus Dorsi': 0.35,
      Trapezius: 0.2,
    },
  },

  {
    name: 'Deadlift',
    activations: {
      'Erector Spinae': 0.9,
      'Gluteus Maximus': 0.85,
      Hamstrings: 0.75,
      Quadriceps: 0.55,
      'Forearm Flexors': 0.5,
    },
  },
  {
    name: 'Sumo Deadlift',
    activations: {
      'Gluteus Maximus': 0.9,
      Quadriceps: 0.7,
      'Hip Adductors': 0.7,
      'Erector Spinae': 0.65,
      Hamstrings: 0.6,
    },
  },
  {
    name: 'Rack Pull',
    activations: {
      'Erector Spinae': 0.85,
      Trapezius: 0.75,
      'Gluteus Maximus': 0.65,
      'Forearm Flexors': 0.55,
      Hamstrings: 0.45,
    },
  },
  {
    name: 'Romanian Deadlift',
    activations: {
      Hamstrings: 0.95,
      'Gluteus Maximus': 0.8,
      'Erector Spinae': 0.7,
      'Forearm Flexors': 0.45,
      'Hip Adductors': 0.35,
    },
  },
  {
    name: 'Stiff-Leg Deadlift',
    activations: {
      Hamstrings: 0.95,
      'Erector Spinae': 0.75,
      'Gluteus Maximus': 0.7,
      'Forearm Flexors': 0.4,
    },
  },
  {
    name: 'Single-Leg Romanian Deadlift',
    activations: {
      Hamstrings: 0.85,
      'Gluteus Maximus': 0.85,
      'Hip Abductors': 0.5,
      'Erector Spinae': 0.45,
    },
  },
  {
    name: 'Good Morning',
    activations: {
      Hamstrings: 0.85,
      'Erector Spinae': 0.85,
      'Gluteus Maximus': 0.65,
      'Hip Adductors': 0.25,
    },
  },
  {
    name: 'Back Extension',
    activations: {
      'Erector Spinae': 0.9,
      'Gluteus Maximus': 0.65,
      Hamstrings: 0.6,
    },
  },
  {
    name: 'Power Clean',
    activations: {
      'Gluteus Maximus': 0.85,
      Quadriceps: 0.8,
      Trapezius: 0.8,
      'Erector Spinae': 0.7,
      Hamstrings: 0.65,
    },
  },
  {
    name: 'Kettlebell Swing',
    activations: {
      'Gluteus Maximus': 0.9,
      Hamstrings: 0.75,
      'Erector Spinae': 0.6,
      Quadriceps: 0.35,
      'Forearm Flexors': 0.35,
    },
  },
  {
    name: 'Cable Pull-Through',
    activations: {
      'Gluteus Maximus': 0.9,
      Hamstrings: 0.7,
      'Erector Spinae': 0.4,
    },
  },

  {
    name: 'Barbell Back Squat',
    activations: {
      Quadriceps: 0.95,
      'Gluteus Maximus': 0.8,
      'Hip Adductors': 0.6,
      'Erector Spinae': 0.45,
      Hamstrings: 0.3,
    },
  },
  {
    name: 'Front Squat',
    activations: {
      Quadriceps: 1,
      'Gluteus Maximus': 0.7,
      'Erector Spinae': 0.5,
      'Hip Adductors': 0.5,
      'Rectus Abdominis': 0.35,
    },
  },
  {
    name: 'Goblet Squat',
    activations: {
      Quadriceps: 0.9,
      'Gluteus Maximus': 0.7,
      'Hip Adductors': 0.5,
      'Transverse Abdominis': 0.3,
    },
  },
  {
    name: 'Leg Press',
    activations: {
      Quadriceps: 0.95,
      'Gluteus Maximus': 0.7,
      'Hip Adductors': 0.5,
      Hamstrings: 0.25,
    },
  },
  {
    name: 'Hack Squat',
    activations: {
      Quadriceps: 1,
      'Gluteus Maximus': 0.65,
      'Hip Adductors': 0.45,
      Hamstrings: 0.2,
    },
  },
  {
    name: 'Bulgarian Split Squat',
    activations: {
      Quadriceps: 0.9,
      'Gluteus Maximus': 0.85,
      'Hip Adductors': 0.45,
      'Hip Abductors': 0.4,
      Hamstrings: 0.3,
    },
  },
  {
    name: 'Walking Lunge',
    activations: {
      Quadriceps: 0.85,
      'Gluteus Maximus': 0.85,
      'Hip Adductors': 0.4,
      Hamstrings: 0.35,
      'Hip Abductors': 0.35,
    },
  },
  {
    name: 'Step-Up',
    activations: {
      Quadriceps: 0.85,
      'Gluteus Maximus': 0.85,
      'Hip Abductors': 0.4,
      Hamstrings: 0.3,
      Soleus: 0.2,
    },
  },
  {
    name: 'Pistol Squat',
    activations: {
      Quadriceps: 0.9,
      'Gluteus Maximus': 0.75,
      'Hip Abductors': 0.45,
      'Hip Flexors': 0.3,
      Soleus: 0.3,
    },
  },
  {
    name: 'Leg Extension',
    activations: { Quadriceps: 1, 'Hip Flexors': 0.15 },
  },
  {
    name: 'Lying Leg Curl',
    activations: { Hamstrings: 1, 'Calves (Gastrocnemius)': 0.45 },
  },
  {
    name: 'Seated Leg Curl',
    activations: { Hamstrings: 1, 'Calves (Gastrocnemius)': 0.35 },
  },
  {
    name: 'Nordic Hamstring Curl',
    activations: {
      Hamstrings: 1,
      'Calves (Gastrocnemius)': 0.35,
      'Gluteus Maximus': 0.3,
      'Erector Spinae': 0.2,
    },
  },
  {
    name: 'Hip Thrust',
    activations: {
      'Gluteus Maximus': 1,
      Hamstrings: 0.5,
      Quadriceps: 0.45,
      'Hip Adductors': 0.35,
      'Erector Spinae': 0.3,
    },
  },
  {
    name: 'Glute Bridge',
    activations: {
      'Gluteus Maximus': 0.9,
      Hamstrings: 0.5,
      Quadriceps: 0.3,
      'Erector Spinae': 0.25,
    },
  },
  {
    name: 'Cable Glute Kickback',
    activations: {
      'Gluteus Maximus': 0.9,
      Hamstrings: 0.45,
      'Hip Abductors': 0.3,
    },
  },
  {
    name: 'Hip Abduction Machine',
    activations: { 'Hip Abductors': 1, 'Gluteus Maximus': 0.55 },
  },
  {
    name: 'Lateral Band Walk',
    activations: {
      'Hip Abductors': 0.95,
      'Gluteus Maximus': 0.6,
      Quadriceps: 0.25,
    },
  },
  {
    name: 'Hip Adduction Machine',
    activations: { 'Hip Adductors': 1, 'Hip Flexors': 0.25 },
  },
  {
    name: 'Copenhagen Plank',
    activations: {
      'Hip Adductors': 0.9,
      Obliques: 0.6,
      'Transverse Abdominis': 0.35,
      'Hip Abductors': 0.3,
    },
  },
  {
    name: 'Standing Calf Raise',
    activations: { 'Calves (Gastrocnemius)': 0.95, Soleus: 0.6 },
  },
  {
    name: 'Donkey Calf Raise',
    activations: { 'Calves (Gastrocnemius)': 0.95, Soleus: 0.55 },
  },
  {
    name: 'Seated Calf Raise',
    activations: { Soleus: 0.95, 'Calves (Gastrocnemius)': 0.3 },
  },
  {
    name: 'Tibialis Raise',
    activations: { 'Tibialis Anterior': 1, Quadriceps: 0.15 },
  },
  {
    name: 'Backward Sled Drag',
    activations: {
      Quadriceps: 0.95,
      'Tibialis Anterior': 0.5,
      'Calves (Gastrocnemius)': 0.35,
      'Gluteus Maximus': 0.3,
    },
  },
  {
    name: 'Sled Push',
    activations: {
      Quadriceps: 0.9,
      'Gluteus Maximus': 0.75,
      'Calves (Gastrocnemius)': 0.6,
      Soleus: 0.5,
      Hamstrings: 0.3,
    },
  },
  {
    name: 'Box Jump',
    activations: {
      Quadriceps: 0.85,
      'Gluteus Maximus': 0.8,
      'Calves (Gastrocnemius)': 0.7,
      Soleus: 0.45,
      Hamstrings: 0.4,
    },
  },

  {
    name: 'Plank',
    activations: {
      'Transverse Abdominis': 0.8,
      'Rectus Abdominis': 0.65,
      Obliques: 0.5,
      'Serratus Anterior': 0.25,
      'Anterior Deltoid': 0.2,
    },
  },
  {
    name: 'Side Plank',
    activations: {
      Obliques: 0.9,
      'Transverse Abdominis': 0.55,
      'Hip Abductors': 0.5,
      'Rectus Abdominis': 0.3,
    },
  },
  {
    name: 'Dead Bug',
    activations: {
      'Transverse Abdominis': 0.85,
      'Rectus Abdominis': 0.7,
      'Hip Flexors': 0.4,
      Obliques: 0.35,
    },
  },
  {
    name: 'Ab Wheel Rollout',
    activations: {
      'Rectus Abdominis': 0.9,
      'Transverse Abdominis': 0.7,
      Obliques: 0.55,
      'Latissimus Dorsi': 0.4,
      'Hip Flexors': 0.35,
    },
  },
  { name: 'Crunch', activations: { 'Rectus Abdominis': 0.9, Obliques: 0.4 } },
  {
    name: 'Cable Crunch',
    activations: {
      'Rectus Abdominis': 0.95,
      Obliques: 0.45,
      'Hip Flexors': 0.15,
    },
  },
  {
    name: 'Decline Sit-Up',
    activations: {
      'Rectus Abdominis': 0.85,
      'Hip Flexors': 0.75,
      Obliques: 0.45,
    },
  },
  {
    name: 'Hanging Leg Raise',
    activations: {
      'Hip Flexors': 0.9,
      'Rectus Abdominis': 0.85,
      Obliques: 0.5,
      'Forearm Flexors': 0.45,
      'Latissimus Dorsi': 0.2,
    },
  },
  {
    name: 'Lying Leg Raise',
    activations: {
      'Hip Flexors': 0.85,
      'Rectus Abdominis': 0.75,
      'Transverse Abdominis': 0.4,
    },
  },
  {
    name: 'Russian Twist',
    activations: {
      Obliques: 0.9,
      'Rectus Abdominis': 0.55,
      'Hip Flexors': 0.45,
    },
  },
  {
    name: 'Pallof Press',
    activations: {
      Obliques: 0.85,
      'Transverse Abdominis': 0.7,
      'Rectus Abdominis': 0.4,
      'Gluteus Maximus': 0.2,
    },
  },
  {
    name: 'Cable Woodchop',
    activations: {
      Obliques: 0.9,
      'Rectus Abdominis': 0.45,
      'Anterior Deltoid': 0.35,
      'Serratus Anterior': 0.3,
    },
  },
  {
    name: 'Turkish Get-Up',
    activations: {
      Obliques: 0.7,
      'Rotator Cuff': 0.7,
      'Anterior Deltoid': 0.65,
      'Gluteus Maximus': 0.5,
      'Triceps Brachii': 0.35,
    },
  },
  {
    name: "Farmer's Walk",
    activations: {
      'Forearm Flexors': 0.9,
      Trapezius: 0.75,
      Obliques: 0.45,
      'Erector Spinae': 0.45,
      Quadriceps: 0.35,
    },
  },

  {
    name: 'Barbell Curl',
    activations: {
      'Biceps Brachii': 0.95,
      Brachialis: 0.6,
      Brachioradialis: 0.45,
      'Forearm Flexors': 0.3,
      'Anterior Deltoid': 0.15,
    },
  },
  {
    name: 'Dumbbell Curl',
    activations: {
      'Biceps Brachii': 0.95,
      Brachialis: 0.55,
      Brachioradialis: 0.4,
      'Forearm Flexors': 0.3,
    },
  },
  {
    name: 'Incline Dumbbell Curl',
    activations: { 'Biceps Brachii': 1, Brachialis: 0.5, Brachioradialis: 0.3 },
  },
  {
    name: 'Preacher Curl',
    activations: {
      'Biceps Brachii': 0.9,
      Brachialis: 0.7,
      Brachioradialis: 0.35,
    },
  },
  {
    name: 'Concentration Curl',
    activations: {
      'Biceps Brachii': 0.95,
      Brachialis: 0.55,
      Brachioradialis: 0.3,
    },
  },
  {
    name: 'Cable Curl',
    activations: {
      'Biceps Brachii': 0.9,
      Brachialis: 0.55,
      Brachioradialis: 0.35,
      'Forearm Flexors': 0.25,
    },
  },
  {
    name: 'Hammer Curl',
    activations: {
      Brachioradialis: 0.85,
      Brachialis: 0.85,
      'Biceps Brachii': 0.6,
      'Forearm Extensors': 0.25,
    },
  },
  {
    name: 'Reverse Curl',
    activations: {
      Brachioradialis: 0.9,
      Brachialis: 0.75,
      'Forearm Extensors': 0.6,
      'Biceps Brachii': 0.4,
    },
  },
  {
    name: 'Triceps Pushdown',
    activations: {
      'Triceps Brachii': 0.95,
      'Forearm Flexors': 0.2,
      'Latissimus Dorsi': 0.15,
    },
  },
  {
    name: 'Overhead Triceps Extension',
    activations: {
      'Triceps Brachii': 1,
      'Anterior Deltoid': 0.2,
      'Serratus Anterior': 0.15,
    },
  },
  {
    name: 'Skull Crusher',
    activations: {
      'Triceps Brachii': 0.95,
      'Latissimus Dorsi': 0.2,
      'Anterior Deltoid': 0.15,
    },
  },
  {
    name: 'Bench Dip',
    activations: {
      'Triceps Brachii': 0.9,
      'Anterior Deltoid': 0.5,
      'Pectoralis Major': 0.45,
    },
  },
  {
    name: 'Wrist Curl',
    activations: { 'Forearm Flexors': 1, Brachioradialis: 0.2 },
  },
  {
    name: 'Reverse Wrist Curl',
    activations: { 'Forearm Extensors': 1, Brachioradialis: 0.3 },
  },
];
