// The static host of the pages: one Azure Static Web App (Free plan). m365agents.yml deploys it
// (arm/deploy) and uploads dist/ to it; dist/staticwebapp.config.json, written by the build, sets
// the CSP and frame-ancestors headers.
@maxLength(20)
@minLength(4)
param resourceBaseName string
param staticWebAppSku string = 'Free'
// Static Web Apps exist in a few regions only (westus2, centralus, eastus2, westeurope, eastasia).
param location string = 'westeurope'

resource swa 'Microsoft.Web/staticSites@2022-09-01' = {
  name: resourceBaseName
  location: location
  sku: {
    name: staticWebAppSku
    tier: staticWebAppSku
  }
  properties: {}
}

var siteDomain = swa.properties.defaultHostname

output AZURE_STATIC_WEB_APPS_RESOURCE_ID string = swa.id
output TAB_DOMAIN string = siteDomain
output TAB_ENDPOINT string = 'https://${siteDomain}'
