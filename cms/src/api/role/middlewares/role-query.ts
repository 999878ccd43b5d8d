import { ENTRY_POPULATE } from '@stackguide/contracts/entries';
import { contentQuery } from '../../../content-query';

export default contentQuery(ENTRY_POPULATE.role);
