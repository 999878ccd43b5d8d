import { ARTICLE_POPULATE, contentQuery } from '../../../content-query';

export default contentQuery(ARTICLE_POPULATE);
