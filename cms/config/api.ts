import { MAX_PAGE_SIZE } from '@stackguide/contracts/rest-api';

export default {
  rest: {
    defaultLimit: 25,
    maxLimit: MAX_PAGE_SIZE,
    withCount: true,
  },
};
