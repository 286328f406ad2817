# Stand-in for postgres:15 (tools/build-base-images.sh): Debian's postgresql-15 with an entrypoint that
# does what docker-compose.yml relies on from the official image (postgres-entrypoint.sh).
ARG BASE
FROM ${BASE}
# No default cluster: the entrypoint makes one in PGDATA (a volume) on first start.
RUN mkdir -p /etc/postgresql-common/createcluster.d \
  && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/no-main.conf \
  && apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
  && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
VOLUME /var/lib/postgresql/data
ENTRYPOINT ["docker-entrypoint.sh"]
# Fast shutdown on `docker stop`, as the official image does.
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
