import { Typography } from '@strapi/design-system';
import type { SiteStatus } from '../../../shared/contracts';
import { ago, dateTime, duration } from '../format';
import { Card, Facts } from './Card';

/** The build the site serves, the one under way, and the last that failed. */
export function SiteBuildCard({ data, now }: { data: SiteStatus; now: number }) {
  const { current, building, lastFailure } = data;
  return (
    <Card title="Site build" id="site-build">
      <Facts
        rows={[
          [
            'Serving',
            current
              ? `${current.kind} build finished ${dateTime(current.finishedAt)} (${ago(current.finishedAt, now)}), took ${duration(current.ms)}, ${current.pages} pages (${current.rendered} rendered)`
              : 'no build yet',
          ],
          [
            'Building now',
            building ? `${building.kind} build started ${ago(building.startedAt, now)}` : data.pending ? 'a build is queued' : 'no',
          ],
          ['Last failure', lastFailure ? `${dateTime(lastFailure.at)}: ${lastFailure.message}` : 'none'],
        ]}
      />
      {lastFailure && current && Date.parse(lastFailure.at) > Date.parse(current.finishedAt) && (
        <Typography textColor="danger600">The last build failed; readers still see the build above.</Typography>
      )}
    </Card>
  );
}
