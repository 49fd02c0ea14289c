// The SDK's quick-add browser file (/vendor/todolist-sdk-quick-add.min.js), which the page
// imports when a todo is first typed; tsconfig.json's `paths` maps that URL here.
export * from '@todolist/sdk/quick-add';
