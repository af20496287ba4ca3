/**
 * What a browser sees: the login and logout URLs, the callback's answer, the home page, and every failure as a page
 * or a JSON error ({@link org.bindbackend.answer.Failure}, sent by {@code Answers}); the filter in front of everything
 * that answers "not configured" and refuses a malformed query.
 */
package org.bindbackend.web;

import org.bindbackend.answer.Answers;
import org.bindbackend.answer.Failure;
