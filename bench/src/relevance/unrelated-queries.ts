/**
 * Queries nothing on the site answers: other subjects, and keys mashed at random. The right answer is
 * no result (the suggestions then offer a way on). Keyword matching mostly finds nothing for them;
 * a sentence encoder always has nearest articles, so these show whether search by meaning passes
 * such neighbours off as answers. Written without looking at what any engine returns for them.
 */
export const UNRELATED_QUERIES: string[] = [
  'banana bread recipe',
  'how to bake sourdough',
  'weather tomorrow in paris',
  'best pizza in naples',
  'who won the football world cup',
  'how to groom a puppy',
  'symptoms of the flu',
  'cheap flights to lisbon',
  'why are my tomato plants wilting',
  'guitar chords for beginners',
  'xqzv',
  'asdf qwer',
];
