-- Argo CD health check for conoha-assistant.io ConohaServer and ConohaImage (one script for both kinds).
-- Source of truth; refresh.sh copies it to resource_customizations/conoha-assistant.io/<Kind>/health.lua
-- and argocd-cm-patch.yaml (tests keep them equal).
-- It reads timestamps, so it needs Lua's standard libraries: the argocd-cm snippet sets
-- resource.customizations.useOpenLibs.<group>_<kind> to "true" (Argo CD's built-in checks always have them).
--   Suspended:   a ConohaServer at rest as its spec asks (Archived or Stopped, Ready=True)
--   Degraded:    a reason a person must fix (spec, Secret, ConoHa account, a delete lock, ...), Nova ERROR,
--                a failed save, a lost source, or a reason this check does not know that lasted over 10 minutes
--   Progressing: work under way: being deleted, no status yet, a status older than metadata.generation,
--                a step in progress or a reason that clears by itself
--   Healthy:     Ready=True for the current generation (running, or the image is available)

-- How long a reason this script does not know may last before it counts as Degraded.
local UNKNOWN_REASON_LIMIT_SECONDS = 600

-- Synced=False reasons that only a person can fix.
local USER_MUST_FIX = {
  InvalidSpec = true, SecretNotFound = true, CredentialsInvalid = true, FlavorNotFound = true,
  ImageNotFound = true, SourceNotFound = true, QuotaExceeded = true, DeleteLocked = true,
  DuplicateServers = true, DuplicateImages = true, ImmutableFieldChanged = true, SaveFailed = true,
  ServerError = true, OwnedByAnother = true, VolumeError = true, SourceUnavailable = true, SaveTimedOut = true,
  VolumeTimedOut = true, BuildTimedOut = true, TaskTimedOut = true, CreateUncertain = true,
  DnsZoneNotFound = true, DnsRecordConflict = true,
}
-- Ready=False reasons that only a person can fix: a server in Nova's ERROR state, a failed save, a lost source.
local READY_FAILED = { ServerError = true, SaveFailed = true, SourceNotFound = true }
-- Reasons of a step under way, or of something that clears by itself.
local UNDER_WAY = {
  Available = true, ReconcileSuccess = true, Pending = true, Creating = true, Starting = true, Stopping = true,
  Resizing = true, Archiving = true, Restoring = true, Snapshotting = true, Saving = true, Deleting = true,
  InUse = true, Waiting = true, SourceBusy = true, ApiUnavailable = true, RateLimited = true, DnsUnavailable = true,
}
-- Phases of a server put to sleep on purpose.
local AT_REST = { Archived = true, Stopped = true }

local function describe(c)
  local text = tostring(c.reason or c.type)
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. tostring(c.message)
  end
  return text
end

-- Seconds since 1970 of an RFC 3339 UTC time such as 2026-12-01T15:04:05Z (nil if it is not one).
-- Computed by hand: os.time{...} would read the fields as local time.
local function epochSeconds(timestamp)
  if type(timestamp) ~= "string" then return nil end
  local y, mo, d, h, mi, s = string.match(timestamp, "^(%d+)-(%d+)-(%d+)T(%d+):(%d+):(%d+)")
  if y == nil then return nil end
  y, mo = tonumber(y), tonumber(mo)
  if mo <= 2 then y, mo = y - 1, mo + 12 end -- a year that starts in March puts the leap day last
  local days = 365 * y + math.floor(y / 4) - math.floor(y / 100) + math.floor(y / 400)
      + math.floor((153 * (mo - 3) + 2) / 5) + tonumber(d) - 719469
  return days * 86400 + tonumber(h) * 3600 + tonumber(mi) * 60 + tonumber(s)
end

-- A reason this script does not know: Progressing for a while, then Degraded.
local function unknownReason(c)
  local since = epochSeconds(c.lastTransitionTime)
  if since ~= nil and os.time() - since > UNKNOWN_REASON_LIMIT_SECONDS then
    return { status = "Degraded", message = describe(c) .. " (unknown reason, for more than "
        .. tostring(UNKNOWN_REASON_LIMIT_SECONDS / 60) .. " minutes)" }
  end
  return { status = "Progressing", message = describe(c) }
end

local generation = nil
if obj.metadata ~= nil then generation = obj.metadata.generation end

-- A condition written for an older generation says nothing about the current spec.
local function current(c)
  return c.observedGeneration == nil or generation == nil or c.observedGeneration >= generation
end

local ready, synced, lastSynced = nil, nil, nil
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "Ready" and current(c) then ready = c end
    if c.type == "Synced" and current(c) then synced = c end
    if c.type == "Synced" then lastSynced = c end
  end
end
local syncFailed = synced ~= nil and synced.status == "False"

-- Deleting bumps metadata.generation, so the last Synced condition may be one generation old: still show why,
-- and a deletion only a person can unblock (a delete lock in the control panel) is Degraded, not in progress.
if obj.metadata ~= nil and obj.metadata.deletionTimestamp ~= nil then
  if lastSynced ~= nil and lastSynced.status == "False" then
    if USER_MUST_FIX[lastSynced.reason] then
      return { status = "Degraded", message = "Deletion blocked: " .. describe(lastSynced) }
    end
    return { status = "Progressing", message = "Deleting: " .. describe(lastSynced) }
  end
  return { status = "Progressing", message = "Deleting" }
end
if obj.status == nil then
  return { status = "Progressing", message = "Waiting for the controller to report status" }
end
local observed = obj.status.observedGeneration
if observed == nil or (generation ~= nil and observed < generation) then
  return { status = "Progressing", message = "Waiting for the controller to observe generation " .. tostring(generation) }
end

if syncFailed and USER_MUST_FIX[synced.reason] then
  return { status = "Degraded", message = describe(synced) }
end
if ready ~= nil and ready.status == "False" and READY_FAILED[ready.reason] then
  return { status = "Degraded", message = describe(ready) }
end
if ready ~= nil and ready.status == "True" then
  local message = describe(ready)
  if syncFailed then message = message .. "; " .. describe(synced) end
  if obj.kind == "ConohaServer" and AT_REST[obj.status.phase] then
    return { status = "Suspended", message = message }
  end
  return { status = "Healthy", message = message }
end
if obj.status.phase == "Failed" then
  return { status = "Degraded", message = "Phase Failed" }
end
if syncFailed then
  if UNDER_WAY[synced.reason] then return { status = "Progressing", message = describe(synced) } end
  return unknownReason(synced)
end
if ready ~= nil then
  if UNDER_WAY[ready.reason] then return { status = "Progressing", message = describe(ready) } end
  return unknownReason(ready)
end
return { status = "Progressing", message = "Waiting for the controller to report conditions" }
