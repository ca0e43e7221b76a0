-- Argo CD health of a kfp.jackhoman.com object (Pipeline, PipelineVersion, RecurringRun or
-- Experiment), read from its Ready condition. The same script serves all four kinds. It uses no
-- string or math library, so it runs from argocd-cm without useOpenLibs.
local terminalReasons = {InvalidSpec = true, Rejected = true, Conflict = true, NotOwned = true, UnsupportedByKfp = true}

local health = {status = "Progressing", message = "Waiting for kfp-releaser to reconcile"}

local ready = nil
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Ready" then
      ready = condition
    end
  end
end
if ready == nil then
  return health
end
if ready.message ~= nil then
  health.message = ready.message
end

if obj.metadata.deletionTimestamp ~= nil then
  return health
end

local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  health.message = "Waiting for kfp-releaser to reconcile generation " .. generation
  return health
end

if ready.status == "True" then
  if obj.spec ~= nil and obj.spec.suspend == true then
    health.status = "Suspended"
  else
    health.status = "Healthy"
  end
elseif ready.status == "False" and terminalReasons[ready.reason] then
  health.status = "Degraded"
end
return health
