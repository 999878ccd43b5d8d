import { contentQuery } from '../../../content-query';

export default contentQuery();
