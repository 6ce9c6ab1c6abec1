# syntax=docker/dockerfile:1
# jianyi on the official Swift image. The migrations are compiled into the binary, so the
# runtime image needs only the binary, libpq and libxlsxwriter (--format xlsx).

FROM swift:6.2-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev libxlsxwriter-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product jianyi --static-swift-stdlib \
 && cp "$(swift build -c release --show-bin-path)/jianyi" /usr/local/bin/jianyi

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 libxlsxwriter4 tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/jianyi /usr/local/bin/jianyi
ENTRYPOINT ["jianyi"]
CMD ["--help"]
