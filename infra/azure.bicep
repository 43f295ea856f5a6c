// Polku in Azure: one origin (App Service) serves the tab, the API and the bot endpoint.
//
//   user-assigned managed identity ── Storage Table Data Contributor ──> storage account (tables)
//                                  ── Key Vault Secrets User ─────────> key vault (identity hash key)
//                                  ── is the bot's identity (UserAssignedMSI) ─> Azure Bot + Teams channel
//   App Service plan (Linux) ── Web App (Node 24, HTTPS only, no ARR affinity, health check)
//   Log Analytics ── App Service console, HTTP and platform logs
//
// Production holds no storage key and no bot password: the web app reaches Tables and the Bot
// Framework with the managed identity. Deployed by `teamsapp provision` (arm/deploy, teamsapp.yml);
// the outputs at the end are written to env/.env.<env>.

@minLength(3)
@maxLength(20)
@description('Short base for resource names, e.g. polku-dev. Globally unique names get a hash suffix.')
param resourceBaseName string

@description('Azure region of every regional resource. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('App Service plan SKU. S1 or larger (P0v3 recommended) to scale out to several instances.')
param webAppSku string = 'P0v3'

@description('V8 old-space heap limit of the server (MB): without it Node sizes the heap from the machine and collects garbage late (402 MB peak RSS in the benchmark vs the 300 MB target); with 192 the peak stays under 300 MB at county scale (docs/PERFORMANCE.md).')
@minValue(128)
param nodeMaxOldSpaceMb int = 192

@description('Number of web app instances (all state is in Tables, so any number is safe).')
param instanceCount string = '1'

@allowed([ 'Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS' ])
param storageSku string = 'Standard_ZRS'

@description('Client id of the Entra app used for Teams single sign-on (aadApp/create).')
param aadAppClientId string

@description('Tenant id of that Entra app.')
param aadAppTenantId string

@description('The county\'s own host name once bound to the web app, e.g. polku.example.fi. Empty: the azurewebsites.net name.')
param customDomain string = ''

@maxLength(42)
param botDisplayName string

@secure()
@description('Key for the keyed hashes of henkilötunnus look-ups. Needed on the first provision only; empty later keeps the stored value. NEVER change it afterwards (see docs/OPERATIONS.md).')
param identityHashSecret string = ''

@secure()
@description('Key of the access log\'s keyed chain and signed anchors (HMAC). Needed on the first provision only; empty later keeps the stored value. Rotating: docs/DEPLOY.md, "The access-log key".')
param accessLogKey string = ''

@description('Id of the access-log key, stored on every record (change it together with the key when rotating).')
@minLength(1)
@maxLength(16)
param accessLogKeyId string = 'k1'

@description('Days the App Service logs are kept in Log Analytics.')
param logRetentionDays int = 90

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${suffix}'
var storageAccountName = take('st${toLower(replace(resourceBaseName, '-', ''))}${suffix}', 24)
var keyVaultName = take('kv${toLower(replace(resourceBaseName, '-', ''))}${suffix}', 24)
var identityHashSecretName = 'identity-hash-secret'
var accessLogKeySecretName = 'access-log-key'

// Built-in role definitions
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

// ---------------------------------------------------------------------------------------------
// Storage: Azure Tables only. No shared keys (Entra ID only), TLS 1.2, HTTPS only, no public blobs.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Key Vault: the identity hash key. RBAC only; purge protection so the key can never be lost.
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource identityHashSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(identityHashSecret)) {
  parent: keyVault
  name: identityHashSecretName
  properties: {
    value: identityHashSecret
    contentType: 'Polku IDENTITY_HASH_SECRET (never rotate without re-keying, see OPERATIONS.md)'
  }
}

resource accessLogKeyValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(accessLogKey)) {
  parent: keyVault
  name: accessLogKeySecretName
  properties: {
    value: accessLogKey
    contentType: 'Polku ACCESS_LOG_KEY (id in the ACCESS_LOG_KEY_ID app setting; keep old keys for verification, see DEPLOY.md)'
  }
}

resource keyVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Logs: App Service writes pino JSON to stdout; Log Analytics keeps it for queries (OPERATIONS.md).
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

// ---------------------------------------------------------------------------------------------
// Compute: Linux App Service plan + Node 24 web app.
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: int(instanceCount)
  }
  properties: {
    reserved: true
  }
}

var domain = empty(customDomain) ? '${webAppName}.azurewebsites.net' : customDomain
var origin = 'https://${domain}'

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // The heap cap is on the start command (not NODE_OPTIONS), so it applies to the server only.
      appCommandLine: 'node --max-old-space-size=${nodeMaxOldSpaceMb} bot/dist/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/api/health'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'TZ', value: 'Europe/Helsinki' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'PUBLIC_ORIGIN', value: origin }
        // Tables through the managed identity: DefaultAzureCredential picks the identity by AZURE_CLIENT_ID.
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        // Teams single sign-on (one Entra app for tab, API and bot; roles are its app roles).
        { name: 'AAD_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_TENANT_ID', value: aadAppTenantId }
        { name: 'AAD_APP_ID_URI', value: 'api://${domain}/${aadAppClientId}' }
        // The bot speaks as the managed identity: no password anywhere.
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'IDENTITY_HASH_SECRET', value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${identityHashSecretName})' }
        // The access log's key: the table writer (storage) never holds it, so it cannot forge the log.
        { name: 'ACCESS_LOG_KEY', value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${accessLogKeySecretName})' }
        { name: 'ACCESS_LOG_KEY_ID', value: accessLogKeyId }
      ]
    }
  }
  dependsOn: [
    storageRole
    keyVaultRole
    identityHashSecretValue
    accessLogKeyValue
  ]
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'polku-logs'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// Azure Bot: the managed identity is the bot's identity; Teams is its only channel.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: '${origin}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource botTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to env/.env.<env> by the toolkit (arm/deploy) and used by teamsapp.yml and the manifest.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = domain
output TAB_ENDPOINT string = origin
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_KEY_VAULT_NAME string = keyVault.name
output AZURE_LOG_ANALYTICS_WORKSPACE_ID string = logs.id
