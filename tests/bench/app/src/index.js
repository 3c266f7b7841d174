// No demo records: the bench seeds its own data in bulk (tests/bench/lib/seed.js).
module.exports = { register() {}, bootstrap() {} };
