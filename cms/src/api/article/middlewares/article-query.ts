import { PREVIEW_TOKEN_NAME } from '../../../bootstrap/api-tokens';
import { ENTRY_POPULATE } from '@stackguide/contracts/entries';
import { contentQuery } from '../../../content-query';

export default contentQuery(ENTRY_POPULATE.article, PREVIEW_TOKEN_NAME);
