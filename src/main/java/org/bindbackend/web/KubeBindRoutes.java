package org.bindbackend.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Routes the kube-bind backend serves outside {@code /api}, kept for its clients: {@code GET /healthz} ("ok") and
 * {@code GET /exports} (moved to {@code /api/exports}; older CLIs still ask here).
 */
@WebServlet({"/healthz", "/exports"})
public class KubeBindRoutes extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/exports")) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/api/exports");
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }
}
