#!/usr/bin/env node
// The CDK app behind `npm run synth` and `npm run deploy`: settings come from CDK context
// (see README.md), stacks from createApp.
import { createApp } from './todolist-app.js';

createApp().synth();
