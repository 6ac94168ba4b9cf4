/** Test fixtures the compiler's tests share with the runtime's: an in-process framework, a recording logger. */
package io.hallows.dsl.runtime.testing;
