# One image for api, projector, relay and the tests service (docker-compose.yml picks the command).
FROM node:20-bookworm-slim AS app
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm install
COPY . .
RUN npm run build
ENV NODE_ENV=production
# A container's loopback is unreachable from outside it: listen on every interface here (the API's
# own default is 127.0.0.1); `docker run -p 127.0.0.1:3000:3000` or compose decides what reaches it.
ENV HOST=0.0.0.0
# Event store files, relay checkpoints: mounted as volumes by docker-compose.
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
CMD ["node", "dist/apps/api/src/main.js"]
