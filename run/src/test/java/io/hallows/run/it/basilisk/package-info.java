/**
 * Integration tests of Basilisk in real stacks started as processes: the shop example's routes,
 * stored models, migrations, durable state and streams through Java's own HTTP client, and hot
 * updates under continuous requests.
 */
package io.hallows.run.it.basilisk;
