import { Button, Combobox, ComboboxOption, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { AddSynonym, SynonymGroups } from '../../../shared/contracts';
import { PLUGIN_ID } from '../../../shared/actions';
import { errorText } from '../use-poll';

const NEW_GROUP = 'new';

/**
 * "Add as synonym…": the editor picks a synonym group or starts a new one with
 * another word; the CMS saves the vocabulary as a Content Manager save would, so a refused word is
 * refused with the same message, shown here.
 */
export function SynonymModal({ query, onClose }: { query: string; onClose(): void }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [groups, setGroups] = React.useState<string[]>();
  const [choice, setChoice] = React.useState<string>();
  const [word, setWord] = React.useState('');
  const [error, setError] = React.useState<string>();
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    get<SynonymGroups>(`/${PLUGIN_ID}/vocabulary/synonym-groups`).then(
      (res) => setGroups(res.data.groups),
      (err: unknown) => setError(errorText(err)),
    );
  }, [get]);

  const save = async () => {
    const index = Number(choice);
    const body: AddSynonym = choice === NEW_GROUP ? { query, word } : { query, group: { index, words: groups?.[index - 1] ?? '' } };
    setSaving(true);
    setError(undefined);
    try {
      const res = await post<{ words: string }>(`/${PLUGIN_ID}/vocabulary/synonyms`, body);
      toggleNotification({ type: 'success', message: `Added “${query}”: ${res.data.words}. Search uses it within seconds.` });
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const ready = choice !== undefined && (choice !== NEW_GROUP || word.trim() !== '');
  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Add “{query}” as a synonym</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="synonym-group" hint="Pick the group readers mean, or “A new group…” to start one.">
              <Field.Label>Synonym group</Field.Label>
              <Combobox value={choice} onChange={(value) => setChoice(value)} disabled={!groups} placeholder="Pick a group">
                {(groups ?? []).map((words, i) => (
                  <ComboboxOption key={words} value={String(i + 1)}>
                    {words}
                  </ComboboxOption>
                ))}
                <ComboboxOption value={NEW_GROUP}>A new group…</ComboboxOption>
              </Combobox>
              <Field.Hint />
            </Field.Root>
            {choice === NEW_GROUP && (
              <Field.Root name="synonym-word" hint={`A word readers use for the same thing as “${query}”.`}>
                <Field.Label>Another word</Field.Label>
                <TextInput value={word} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setWord(e.target.value)} />
                <Field.Hint />
              </Field.Root>
            )}
            {error && (
              <Typography role="alert" textColor="danger600">
                {error}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button onClick={save} disabled={!ready} loading={saving}>
            Add to search vocabulary
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}
