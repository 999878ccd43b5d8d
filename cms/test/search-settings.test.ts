import { AdminRequestError, startTestCms, type AdminClient, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes } from './lanes.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

type Vocabulary = { synonymGroups: { words: string }[]; stopWords: string };

/** Where the admin's edit view of the single type saves. */
const SETTINGS = '/content-manager/single-types/api::search-setting.search-setting';

describe.each(lanes())('search settings on $name', (lane) => {
  let cms: TestCms;
  let admin: AdminClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    cms = await startTestCms({ webhookUrl: receiver.url, env: await lane.env() });
    admin = await cms.admin();
  });

  afterAll(async () => {
    await cms?.stop();
    receiver?.close();
  });

  const readVocabulary = async (): Promise<Vocabulary> => {
    const res = await fetch(`${cms.url}/api/search-setting?populate=synonymGroups`, {
      headers: { authorization: `Bearer ${cms.readToken}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: Vocabulary }).data;
  };
  const save = (vocabulary: Partial<Vocabulary>) => admin.request('PUT', SETTINGS, vocabulary);
  const refusal = async (vocabulary: Partial<Vocabulary>): Promise<string> => {
    const error = await save(vocabulary).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminRequestError);
    expect((error as AdminRequestError).status).toBe(400);
    return JSON.stringify((error as AdminRequestError).body);
  };

  it('starts with the seeded developer dictionary, readable with the read-only token but not publicly', async () => {
    const vocabulary = await readVocabulary();
    expect(vocabulary.synonymGroups.map((g) => g.words)).toEqual(expect.arrayContaining(['javascript, js, ecmascript', 'mongodb, mongo']));
    expect(vocabulary.stopWords.split(' ')).toEqual(expect.arrayContaining(['the', 'how', 'does']));
    expect((await fetch(`${cms.url}/api/search-setting`)).status).toBe(403);
  });

  it('refuses an empty group, a group of 1,000 words and duplicate words, and keeps what was saved', async () => {
    const before = await readVocabulary();
    expect(await refusal({ synonymGroups: [{ words: 'js, javascript' }, { words: ' ' }] })).toContain('Synonym group 2 is empty');
    const huge = Array.from({ length: 1000 }, (_, i) => `term${i}`).join(', ');
    expect(await refusal({ synonymGroups: [{ words: huge }] })).toContain('Synonym group 1 has 1,000 words');
    expect(await refusal({ synonymGroups: [{ words: 'js, JS, javascript' }] })).toContain('lists \\"JS\\" twice');
    expect(await refusal({ synonymGroups: [{ words: 'go, golang' }, { words: 'golang, go language' }] })).toContain(
      '\\"golang\\" is in synonym groups 1 and 2',
    );
    expect(await refusal({ stopWords: 'the a the' })).toContain('Stop word \\"the\\" is listed twice');
    expect(await readVocabulary()).toEqual(before);
  });

  it('saves a valid change and tells search-sync through the webhook', async () => {
    const vocabulary = await readVocabulary();
    await save({
      synonymGroups: [...vocabulary.synonymGroups.map(({ words }) => ({ words })), { words: 'kotlin, jvm language' }],
      stopWords: vocabulary.stopWords,
    });
    expect((await readVocabulary()).synonymGroups.at(-1)?.words).toBe('kotlin, jvm language');
    const deadline = Date.now() + 15_000;
    const models = () => receiver.calls.map((c) => c.body.model);
    while (!models().includes('search-setting') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(models()).toContain('search-setting');
  });
});
