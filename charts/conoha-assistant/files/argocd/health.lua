-- Argo CD health check for conoha-assistant.io ConohaServer and ConohaImage (one script for both kinds).
-- Source of truth; copies: charts/conoha-assistant/files/argocd/, argocd-cm-patch.yaml (tests keep them equal).
-- Argo CD runs it with only the base, table and a safe os library: no string.* functions here.
--   Progressing: being deleted, no status yet, status older than metadata.generation, or a transient reason
--   Degraded:    a reason the user must fix (spec, Secret, ConoHa account), Nova ERROR, a failed save or a lost source
--   Healthy:     Ready=True for the current generation and nothing for the user to fix

-- Synced=False reasons that only a person can fix.
local USER_MUST_FIX = {
  InvalidSpec = true, SecretNotFound = true, CredentialsInvalid = true, FlavorNotFound = true,
  ImageNotFound = true, SourceNotFound = true, QuotaExceeded = true, DeleteLocked = true,
  DuplicateServers = true, DuplicateImages = true, ImmutableFieldChanged = true, SaveFailed = true,
}
-- Ready=False reasons that only a person can fix: a server in Nova's ERROR state, a failed save, a lost source.
local READY_FAILED = { ServerError = true, SaveFailed = true, SourceNotFound = true }

local function describe(c)
  local text = tostring(c.reason or c.type)
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. tostring(c.message)
  end
  return text
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

-- Deleting bumps metadata.generation, so the last Synced condition may be one generation old: still show why.
if obj.metadata ~= nil and obj.metadata.deletionTimestamp ~= nil then
  if lastSynced ~= nil and lastSynced.status == "False" then
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
  if syncFailed then return { status = "Healthy", message = describe(ready) .. "; " .. describe(synced) } end
  return { status = "Healthy", message = describe(ready) }
end
if obj.status.phase == "Failed" then
  return { status = "Degraded", message = "Phase Failed" }
end
if syncFailed then return { status = "Progressing", message = describe(synced) } end
if ready ~= nil then return { status = "Progressing", message = describe(ready) } end
return { status = "Progressing", message = "Waiting for the controller to report conditions" }
