/**
 * The gate's two sounds, made with the Web Audio API (no audio files): admit is two short rising
 * beeps, high and bright; refuse is one longer low buzz. Told apart without looking, and by pitch and
 * rhythm as well, not by loudness alone.
 */

interface Tone {
  /** Hz */
  frequency: number;
  /** Start and length, in seconds from now. */
  at: number;
  length: number;
  type: OscillatorType;
}

const ADMIT: Tone[] = [
  { frequency: 880, at: 0, length: 0.09, type: 'sine' },
  { frequency: 1320, at: 0.11, length: 0.12, type: 'sine' },
];
const REFUSE: Tone[] = [{ frequency: 196, at: 0, length: 0.45, type: 'square' }];

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  // Started on a key press (the scan), so the browser lets it play.
  if (context.state === 'suspended') void context.resume();
  return context;
}

/** Plays the admit or the refuse sound; silent when the computer cannot play sound. */
export function playVerdict(admit: boolean): void {
  try {
    const ctx = audio();
    if (!ctx) return;
    const now = ctx.currentTime + 0.01;
    for (const tone of admit ? ADMIT : REFUSE) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = tone.type;
      oscillator.frequency.value = tone.frequency;
      // A short fade in and out: no click at either end. The square buzz is quieter, being harsher.
      const peak = tone.type === 'square' ? 0.12 : 0.3;
      gain.gain.setValueAtTime(0, now + tone.at);
      gain.gain.linearRampToValueAtTime(peak, now + tone.at + 0.01);
      gain.gain.setValueAtTime(peak, now + tone.at + tone.length - 0.02);
      gain.gain.linearRampToValueAtTime(0, now + tone.at + tone.length);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(now + tone.at);
      oscillator.stop(now + tone.at + tone.length + 0.01);
    }
  } catch {
    // No audio device: the verdict on screen is enough.
  }
}
