#!/bin/sh
# Renders the site from the environment (listen address and port, the gateway to forward to), then runs nginx in the
# foreground. Only these three variables are substituted: nginx's own $uri, $host… stay as they are.
set -eu
mkdir -p /tmp/nginx/conf.d
envsubst '${BIND_HOST} ${FRONTEND_PORT} ${GATEWAY_URL}' \
  </etc/nginx/templates/default.conf.template >/tmp/nginx/conf.d/default.conf
exec nginx -e stderr -c /etc/nginx/pagi.conf -g 'daemon off;'
