/** The OLAP engine's composition root: the component that opens the tables and registers the service. */
package io.hallows.db.olap.impl;
