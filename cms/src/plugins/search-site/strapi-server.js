// The server half is TypeScript, compiled with the rest of the CMS (cms/tsconfig.json) into cms/dist.
module.exports = require('../../../dist/src/plugins/search-site/server/index.js');
