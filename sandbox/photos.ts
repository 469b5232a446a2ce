// Profile photos for the seeded people: initials drawn with a tiny bitmap font on a coloured square, encoded
// as PNG with pngjs, so the demo has faces without shipping image files.
import { PNG } from 'pngjs';

// 5×7 glyphs, one string per row, '#' = ink.
const FONT: Record<string, string[]> = {
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['####.', '#...#', '#...#', '#...#', '#...#', '#...#', '####.'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
};

const PALETTE: Array<[number, number, number]> = [
  [0x5b, 0x5f, 0xc7],
  [0x0f, 0x6c, 0xbd],
  [0x8a, 0x3f, 0xc1],
  [0xc2, 0x39, 0xb3],
  [0xd1, 0x34, 0x38],
  [0xca, 0x50, 0x10],
  [0x10, 0x7c, 0x10],
  [0x03, 0x83, 0x87],
];

/** Strip accents so "Émilie" draws an E. */
export function initialsOf(givenName: string, surname: string): string {
  const first = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').charAt(0).toUpperCase();
  return first(givenName) + first(surname);
}

export function initialsPng(initials: string, colorIndex: number, size = 96): Buffer {
  const png = new PNG({ width: size, height: size });
  const [r, g, b] = PALETTE[colorIndex % PALETTE.length]!;
  for (let i = 0; i < size * size; i++) {
    png.data[i * 4] = r;
    png.data[i * 4 + 1] = g;
    png.data[i * 4 + 2] = b;
    png.data[i * 4 + 3] = 255;
  }
  const letters = [...initials].filter((c) => FONT[c] !== undefined);
  const scale = Math.floor(size / 16);
  const glyphW = 5 * scale;
  const gap = scale * 2;
  const totalW = letters.length * glyphW + Math.max(0, letters.length - 1) * gap;
  const x0 = Math.floor((size - totalW) / 2);
  const y0 = Math.floor((size - 7 * scale) / 2);
  letters.forEach((c, li) => {
    const rows = FONT[c]!;
    rows.forEach((row, ry) => {
      [...row].forEach((cell, rx) => {
        if (cell !== '#') return;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const x = x0 + li * (glyphW + gap) + rx * scale + dx;
            const y = y0 + ry * scale + dy;
            const o = (y * size + x) * 4;
            png.data[o] = 255;
            png.data[o + 1] = 255;
            png.data[o + 2] = 255;
          }
        }
      });
    });
  });
  return PNG.sync.write(png);
}
