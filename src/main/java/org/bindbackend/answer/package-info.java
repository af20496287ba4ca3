/**
 * How the backend answers a caller when it does not answer with data: every failure is a
 * {@link org.bindbackend.answer.Failure} (status, title, message, the way forward), sent by
 * {@link org.bindbackend.answer.Answers} as a page to browsers or as the kube-bind API's JSON error to programs;
 * pages share one layout ({@link org.bindbackend.answer.HtmlPage}), JSON errors one writer
 * ({@link org.bindbackend.answer.JsonErrors}) with the RFC 6750 challenge on a 401.
 */
package org.bindbackend.answer;
