/**
 * The ARM template Cloud Services (extended support) deploys with: a virtual network with the
 * subnet the cscfg names, a Basic public IP (the only SKU the platform takes) and the
 * `Microsoft.Compute/cloudServices` resource pointing at the package and the configuration.
 */
import { UsageError } from '../errors.js';
import { parseJsonFile } from '../project.js';
import type { ServiceModel, ServiceRole } from './service-files.js';

export const ARM_TEMPLATE_FILE = 'azuredeploy.json';

function roleProfileEntry(role: ServiceRole) {
  return { name: role.name, sku: { name: role.vmSize, tier: 'Standard', capacity: role.instances } };
}

export function renderArmTemplate(model: ServiceModel): string {
  const network = model.network!;
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
      packageSasUri: { type: 'securestring', metadata: { description: 'SAS URI of the .cspkg built from ServiceDefinition.csdef.' } },
      configurationSasUri: { type: 'securestring', metadata: { description: 'SAS URI of the uploaded ServiceConfiguration.Cloud.cscfg.' } },
    },
    variables: {
      serviceName: model.name,
      virtualNetworkName: network.virtualNetwork,
      subnetName: network.subnet,
      publicIpName: `${model.name}-ip`,
    },
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-09-01',
        name: "[variables('virtualNetworkName')]",
        location: "[parameters('location')]",
        properties: {
          addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
          subnets: [{ name: "[variables('subnetName')]", properties: { addressPrefix: '10.0.0.0/24' } }],
        },
      },
      {
        type: 'Microsoft.Network/publicIPAddresses',
        apiVersion: '2023-09-01',
        name: "[variables('publicIpName')]",
        location: "[parameters('location')]",
        sku: { name: 'Basic' },
        properties: { publicIPAllocationMethod: 'Dynamic', dnsSettings: { domainNameLabel: model.name.toLowerCase() } },
      },
      {
        type: 'Microsoft.Compute/cloudServices',
        apiVersion: '2022-09-04',
        name: "[variables('serviceName')]",
        location: "[parameters('location')]",
        dependsOn: [
          "[resourceId('Microsoft.Network/virtualNetworks', variables('virtualNetworkName'))]",
          "[resourceId('Microsoft.Network/publicIPAddresses', variables('publicIpName'))]",
        ],
        properties: {
          packageUrl: "[parameters('packageSasUri')]",
          configurationUrl: "[parameters('configurationSasUri')]",
          upgradeMode: 'Auto',
          roleProfile: { roles: model.roles.map(roleProfileEntry) },
          networkProfile: {
            loadBalancerConfigurations: [
              {
                name: `${model.name}-lb`,
                properties: {
                  frontendIpConfigurations: [
                    { name: 'frontend', properties: { publicIPAddress: { id: "[resourceId('Microsoft.Network/publicIPAddresses', variables('publicIpName'))]" } } },
                  ],
                },
              },
            ],
          },
        },
      },
    ],
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}

/** Adds a role to the cloud service's roleProfile in an existing template; the rest is kept. */
export function addArmRole(text: string, role: ServiceRole): string {
  const template = parseJsonFile(text, ARM_TEMPLATE_FILE) as { resources?: Array<{ type?: string; properties?: { roleProfile?: { roles?: unknown[] } } }> };
  const service = template.resources?.find((resource) => resource.type === 'Microsoft.Compute/cloudServices');
  const roles = service?.properties?.roleProfile?.roles;
  if (!Array.isArray(roles)) {
    throw new UsageError(`${ARM_TEMPLATE_FILE} has no Microsoft.Compute/cloudServices resource with properties.roleProfile.roles; fix it and run again.`);
  }
  roles.push(roleProfileEntry(role));
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^\{\r?\n([ \t]+)/.exec(text)?.[1] ?? 2;
  return `${JSON.stringify(template, null, indent).replace(/\n/g, newline)}${newline}`;
}
