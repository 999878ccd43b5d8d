import { PREVIEW_TOKEN_NAME } from '../../../bootstrap/api-tokens';
import { ARTICLE_POPULATE, contentQuery } from '../../../content-query';

export default contentQuery(ARTICLE_POPULATE, PREVIEW_TOKEN_NAME);
