import { Box, Flex, Typography } from '@strapi/design-system';
import type * as React from 'react';

/** A titled white box, the page's section. */
export function Card({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <Box tag="section" aria-labelledby={id} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography id={id} tag="h2" variant="delta">
          {title}
        </Typography>
        {children}
      </Flex>
    </Box>
  );
}

/** Label–value rows. */
export function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <Box tag="dl">
      {rows.map(([label, value]) => (
        <Flex key={label} gap={2} paddingBottom={1} alignItems="baseline">
          <Typography tag="dt" textColor="neutral600" style={{ minWidth: '12rem' }}>
            {label}
          </Typography>
          <Typography tag="dd">{value}</Typography>
        </Flex>
      ))}
    </Box>
  );
}

/** Why a part cannot be shown (not configured, unreachable). */
export function Unavailable({ what, error }: { what: string; error: string }) {
  return (
    <Typography textColor="danger600" role="status">
      {what} unavailable: {error}
    </Typography>
  );
}
