import { ROLE_POPULATE, contentQuery } from '../../../content-query';

export default contentQuery(ROLE_POPULATE);
