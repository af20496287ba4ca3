/** Handling text from outside the backend: control characters refused in names, bounded and defused in logs. */
package org.bindbackend.text;
