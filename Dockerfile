# syntax=docker/dockerfile:1

# ---- build stage ----
FROM swift:6.1-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product jianyi \
 && mkdir -p /out \
 && BIN="$(swift build -c release --show-bin-path)" \
 && cp "$BIN/jianyi" /out/ \
 && (cp -R "$BIN"/*.resources /out/ 2>/dev/null || true) \
 && mkdir -p /share \
 && (cp -R Schema /share/ 2>/dev/null || true)

# ---- runtime stage ----
FROM swift:6.1-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# the binary plus any SwiftPM resource bundles, which must sit next to it
COPY --from=build /out/ /usr/local/bin/
# the SQL migrations as plain files too, in case the binary does not embed them
COPY --from=build /share/ /usr/local/share/jianyi/
ENV TZ=Asia/Shanghai
ENTRYPOINT ["jianyi"]
CMD ["--help"]
